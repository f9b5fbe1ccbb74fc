package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input and misuse: each gets a clear exception that names what was wrong, never a hang. */
@Timeout(30)
class ContractTest {
    private static final Callable<String> OK = () -> "ok";

    @Test
    void nullListsAreRejectedByName() {
        assertMessage("tasks", assertThrows(NullPointerException.class, () -> AsCompleted.of(null)));
        assertMessage("tasks", assertThrows(NullPointerException.class, () -> Gather.all(null)));
        assertMessage("tasks", assertThrows(NullPointerException.class, () -> Gather.settled(null)));
        assertMessage("futures", assertThrows(NullPointerException.class, () -> AsCompleted.ofFutures(null)));
        assertMessage("options", assertThrows(NullPointerException.class, () -> AsCompleted.of(List.of(OK), null)));
    }

    @Test
    void nullElementsAreRejectedWithTheirPosition() {
        List<Callable<String>> withNull = Arrays.asList(OK, null);
        assertMessage("tasks[1]", assertThrows(NullPointerException.class, () -> AsCompleted.of(withNull)));
        assertMessage("tasks[1]", assertThrows(NullPointerException.class, () -> Gather.all(withNull)));
        List<CompletableFuture<String>> futures = Arrays.asList(null, new CompletableFuture<>());
        assertMessage("futures[0]", assertThrows(NullPointerException.class, () -> AsCompleted.ofFutures(futures)));
    }

    @Test
    void nonPositiveTimeoutAndConcurrencyAreRejected() {
        assertMessage("timeout", assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().timeout(Duration.ZERO)));
        assertMessage("timeout", assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().timeout(Duration.ofMillis(-1))));
        assertMessage("maxConcurrency", assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().maxConcurrency(0)));
        assertMessage("maxConcurrency", assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().maxConcurrency(-3)));
        assertMessage("stopGrace", assertThrows(IllegalArgumentException.class,
                () -> Options.defaults().stopGrace(Duration.ofSeconds(-1))));
        assertMessage("maxConcurrency", assertThrows(IllegalArgumentException.class,
                () -> AsCompleted.ofFutures(List.of(new CompletableFuture<String>()),
                        Options.defaults().maxConcurrency(2))));
    }

    @Test
    void iteratingTwiceIsAClearError() {
        try (var results = AsCompleted.of(List.of(OK))) {
            results.iterator();
            assertMessage("only once", assertThrows(IllegalStateException.class, results::iterator));
            assertMessage("only once", assertThrows(IllegalStateException.class, results::stream));
        }
    }

    @Test
    void closeTwiceIsHarmlessAndResultsCannotBeTakenAfterwards() {
        var results = AsCompleted.of(List.of(OK, OK));
        Iterator<Completion<String>> it = results.iterator();
        results.close();
        results.close();
        assertTrue(!it.hasNext());
        assertMessage("closed", assertThrows(IllegalStateException.class, it::next));

        var unused = AsCompleted.of(List.of(OK));
        unused.close();
        assertMessage("closed", assertThrows(IllegalStateException.class, unused::iterator));
    }

    @Test
    void nextAfterTheLastCompletionSaysSo() {
        try (var results = AsCompleted.of(List.of(OK))) {
            Iterator<Completion<String>> it = results.iterator();
            it.next();
            assertMessage("delivered", assertThrows(NoSuchElementException.class, it::next));
        }
    }

    @Test
    void duplicatesAndChangesToTheInputListAfterwardsAreHarmless() {
        List<Callable<String>> tasks = new ArrayList<>(List.of(OK, OK, OK));
        try (var results = AsCompleted.of(tasks)) {
            tasks.clear(); // the run took its own copy
            assertEquals(3, results.stream().count());
        }
    }

    private static void assertMessage(String expected, Throwable e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected),
                "expected a message naming '" + expected + "' but was: " + e.getMessage());
    }
}
