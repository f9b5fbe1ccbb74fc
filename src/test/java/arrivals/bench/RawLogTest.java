package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLogTest {

    @Test
    void aLogReadsBackIntoTheSameResultsAndSetup(@TempDir Path dir) throws Exception {
        Path file = RawLog.beside(dir.resolve("benchmarks.md"));
        assertEquals("benchmarks-raw.txt", file.getFileName().toString());
        Trial trial = new Trial("arrivals-timers", 1000, 1_002_000_000L, 999_000_000L, 1_500_000L, 150_000L,
                900_000L, 1000, false, 12_000_000L, 0, 0);
        Floor floor = new Floor("java", Map.of(Floor.PLATFORM_SLEEP, 110_000L));
        Report.Setup setup = new Report.Setup(Machine.current(), "Python 3.11.7", true, List.of(1000),
                Map.of(1000, 1), 12_000, 42, Lineup.select(List.of("arrivals-timers")), "2026-01-01 10:00 UTC",
                75, "1.0, 1.0, 1.0", "2.0, 2.0, 2.0");
        try (RawLog log = RawLog.create(file)) {
            log.floor(floor);
            log.trial(trial);
            log.setup(setup);
        }
        RawLog.Loaded loaded = RawLog.read(file);
        assertEquals(setup, loaded.setup());
        assertEquals(List.of(trial), loaded.results().trials("arrivals-timers", 1000));
        assertEquals(110_000, loaded.results().timerFloor().orElseThrow().median());
    }

    @Test
    void aLogWithoutItsSetupLineIsAnUnfinishedRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut-short.txt");
        Files.writeString(file, "TRIAL {\"impl\":\"x\",\"n\":1}\n");
        var e = assertThrows(IllegalArgumentException.class, () -> RawLog.read(file));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }
}
