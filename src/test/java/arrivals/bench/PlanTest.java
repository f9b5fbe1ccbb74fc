package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void theFullRunGoesToAMillionAndQuickStopsAtOneHundredThousand() {
        BenchMain.Plan full = BenchMain.Plan.parse();
        assertEquals(List.of(1_000, 10_000, 100_000, 1_000_000), full.ns());
        assertEquals(Path.of("target", "bench", "benchmarks.md"), full.out(), "a trial run must not overwrite docs/");
        assertEquals(Lineup.ALL, full.entries());
        BenchMain.Plan quick = BenchMain.Plan.parse("--quick", "--out", "/tmp/b.md");
        assertEquals(List.of(1_000, 10_000, 100_000), quick.ns());
        assertEquals(Path.of("/tmp/b.md"), quick.out());
        assertTrue(quick.budgetMillis() < full.budgetMillis());
        assertEquals(Path.of("docs", "benchmarks.md"), BenchMain.Plan.parse("--update-docs").out());
    }

    @Test
    void sizesRepsAndImplementationsCanBeChosen() {
        BenchMain.Plan plan = BenchMain.Plan.parse("--ns", "10_000,1000", "--reps", "2", "--only",
                "jdk-anyof-loop,arrivals-timers");
        assertEquals(List.of(1_000, 10_000), plan.ns());
        assertEquals(2, plan.rounds());
        assertEquals(4, plan.runsPerEntry());
        assertEquals(List.of("arrivals-timers", "jdk-anyof-loop"), Lineup.ids(plan.entries()));
        assertEquals("benchmarks.png", BenchMain.chartName(Path.of("docs/benchmarks.md")));
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage("unknown argument '--fast'", "--fast");
        assertMessage("--ns expects a positive number, got '0'", "--ns", "0");
        assertMessage("--reps expects a number, got 'x'", "--reps", "x");
        assertMessage("--out needs a value", "--out");
        assertMessage("unknown implementation 'nope'", "--only", "nope");
    }

    private static void assertMessage(String start, String... args) {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchMain.Plan.parse(args));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
