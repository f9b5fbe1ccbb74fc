package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DelaysTest {

    @Test
    void theMixFunctionIsSplitMix64() {
        // The published test vector of the reference splitmix64.c, seeded with 1234567.
        long[] expected = {6457827717110365317L, 3203168211198807973L, -8629252141511181193L,
                4593380528125082431L, -2037821214251327795L};
        long state = 1234567;
        for (long value : expected) {
            state += Delays.GOLDEN_GAMMA;
            assertEquals(value, Delays.mix(state));
        }
    }

    @Test
    void delaysAreSeededAndInRange() {
        long[] a = Delays.uniform(42, 10_000, 1_000_000_000L);
        assertArrayEquals(a, Delays.uniform(42, 10_000, 1_000_000_000L), "same seed, same delays");
        assertNotEquals(Arrays.toString(a), Arrays.toString(Delays.uniform(43, 10_000, 1_000_000_000L)));
        assertTrue(Arrays.stream(a).allMatch(d -> d >= 0 && d < 1_000_000_000L));
        double mean = Arrays.stream(a).average().orElseThrow();
        assertTrue(Math.abs(mean - 5e8) < 2e7, "uniform on [0, 1 s) has mean 0.5 s, got " + mean);
        assertEquals(Arrays.stream(a).max().getAsLong(), Delays.max(a));
        assertEquals(0, Delays.max(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> Delays.uniform(1, -1, 10));
    }

    @Test
    void thePythonScriptDrawsTheSameDelays() throws Exception {
        Path script = Path.of("bench", "asyncio_bench.py");
        assumeTrue(Files.isRegularFile(script), "run from the repository root");
        String code = "import sys; sys.path.insert(0, 'bench'); import asyncio_bench as b; "
                + "print(','.join(map(str, b.uniform_delays(-7, 2000, 1000000000))))";
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);
        long[] fromPython = Arrays.stream(out.split(",")).mapToLong(Long::parseLong).toArray();
        assertArrayEquals(Delays.uniform(-7, 2000, 1_000_000_000L), fromPython);
    }
}
