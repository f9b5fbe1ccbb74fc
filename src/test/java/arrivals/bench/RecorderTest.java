package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void lagsAreMeasuredFromWhenEachTaskWasDue() {
        Recorder seen = new Recorder(3, 0);
        seen.start();
        seen.began(0);
        seen.began(2);
        seen.got(2);
        seen.got(0);
        seen.finish();
        long[] delays = {0, 5, 0};
        long[] lags = seen.lags(delays);
        assertEquals(2, lags.length, "task 1 was never received, so it has no lag");
        assertTrue(Arrays.stream(lags).allMatch(lag -> lag >= 0), Arrays.toString(lags));
        assertEquals(2, seen.count());
        assertTrue(seen.first() <= seen.end());
        assertFalse(seen.overBudget(), "no budget, never over it");
    }

    @Test
    void gatherReceivesEverythingAtOnce() {
        Recorder seen = new Recorder(4, 0);
        seen.start();
        seen.gotAll();
        assertEquals(4, seen.count());
        long[] lags = seen.lags(new long[4]);
        assertEquals(4, lags.length);
        assertArrayEquals(new long[] {lags[0], lags[0], lags[0], lags[0]}, lags, "one moment for all");
    }

    @Test
    void aSpentBudgetMarksTheRunStopped() throws InterruptedException {
        Recorder seen = new Recorder(1, 1);
        seen.start();
        Thread.sleep(2);
        assertTrue(seen.overBudget());
        assertTrue(seen.stopped());
    }
}
