package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Targets and the report, computed from made-up trials whose ratios are known by construction. */
class TargetsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final List<Integer> NS = List.of(10_000, 100_000, 1_000_000);

    /** A finished run with the given overhead, first result, median lag and peak bytes per task. */
    private static Trial trial(String impl, int n, long overhead, long first, long lagP50, long bytesPerTask) {
        return new Trial(impl, n, SECOND + overhead, SECOND, first, lagP50, 2 * lagP50, n, false,
                bytesPerTask * n, 0, 0);
    }

    private static Results results() {
        Results r = new Results();
        for (int n : NS) {
            long scale = n / 10_000; // overheads grow in proportion to N: a scaling ratio of exactly 10
            r.add(trial("asyncio-as_completed", n, 300 * MS * scale, 300 * MS * scale, 600_000, 2000));
            r.add(trial("asyncio-gather", n, 300 * MS * scale, SECOND, 500 * MS, 2000));
            r.add(trial("arrivals-timers", n, 10 * MS * scale, 5 * MS, 120_000, 400));
            r.add(trial("arrivals-vthreads", n, 50 * MS * scale, n == 1_000_000 ? 80 * MS : 5 * MS, 200_000, 1200));
            r.add(trial("arrivals-gather", n, 20 * MS * scale, SECOND, 500 * MS, 1100));
            r.add(new Trial("jdk-anyof-loop", n, 20 * SECOND, SECOND, MS, MS, MS, 17, true, 0, 0, 0));
        }
        r.add(new Floor("java", Map.of(Floor.PLATFORM_SLEEP, 100_000L)));
        return r;
    }

    private static List<Lineup.Entry> entries() {
        return Lineup.select(List.of("asyncio-as_completed", "asyncio-gather", "arrivals-timers",
                "arrivals-vthreads", "arrivals-gather", "jdk-anyof-loop"));
    }

    private static Targets.Check find(List<Targets.Check> checks, String targetStart, String impl) {
        return checks.stream().filter(c -> c.target().startsWith(targetStart) && c.impl().equals(impl))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + targetStart + " for " + impl));
    }

    @Test
    void eachTargetIsJudgedFromRatiosWithinTheRun() {
        List<Targets.Check> checks = Targets.check(results(), entries(), NS);
        assertEquals(Optional.of(true), find(checks, "overhead ≤", "arrivals-timers").met()); // 0.033
        assertEquals(Optional.of(false), find(checks, "overhead ≤", "arrivals-vthreads").met()); // 0.167
        assertEquals(Optional.of(true), find(checks, "overhead ≤", "arrivals-gather").met()); // 0.067 vs gather
        assertEquals(Optional.of(true), find(checks, "time to first", "arrivals-timers").met());
        Targets.Check first = find(checks, "time to first", "arrivals-vthreads");
        assertEquals(Optional.of(false), first.met());
        assertTrue(first.why().contains("1,000,000"), first.why());
        assertEquals(Optional.empty(), find(checks, "time to first", "arrivals-gather").met());
        assertEquals(Optional.of(true), find(checks, "delivery lag", "arrivals-timers").met()); // 1.2× floor
        assertEquals(Optional.of(false), find(checks, "delivery lag", "arrivals-vthreads").met()); // 2×
        assertEquals(Optional.of(true), find(checks, "overhead(100,000)", "arrivals-timers").met());
        assertEquals(Optional.of(true), find(checks, "peak memory", "arrivals-timers").met());
        assertEquals(Optional.of(false), find(checks, "peak memory", "arrivals-vthreads").met());
        assertTrue(checks.stream().filter(c -> c.met().equals(Optional.of(false))).noneMatch(c -> c.why().isEmpty()),
                "every miss says why");
    }

    @Test
    void theReportCarriesTheHeadlineRatiosAndMarksStoppedRuns() {
        Map<Integer, Integer> reps = new LinkedHashMap<>();
        NS.forEach(n -> reps.put(n, 1));
        Report report = new Report(results(), new Report.Setup(Machine.current(), "Python 3.x", false, NS, reps,
                20_000, 42, entries(), Report.Setup.formatDate(ZonedDateTime.now()), 90, "1, 1, 1", "2, 2, 2"),
                "benchmarks.png", Optional.empty());
        String md = report.markdown();
        assertTrue(md.contains("overhead ratio vs asyncio at 1,000,000: 0.0333"), md);
        assertTrue(md.contains("stopped at 20.0 s (17 of 1,000,000 results)"), md);
        assertTrue(md.contains("![Overhead and median delivery lag against N](benchmarks.png)"), md);
        assertTrue(md.contains("## Headless course run"), md);
    }
}
