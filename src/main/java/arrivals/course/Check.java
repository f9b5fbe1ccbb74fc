package arrivals.course;

import java.util.Objects;

/**
 * Self-checks for the course's exercises: each check prints a line starting with ✓ when it holds, and otherwise
 * a line starting with ✗ that says what was expected, then throws {@link AssertionError} so the cell shows the
 * failure (and the headless run of the solution notebooks fails loudly).
 *
 * <pre>{@code
 * List<String> mine = solveExercise();
 * Check.equal("results come back in input order", List.of("a", "b", "c"), mine);
 * Check.that("the first result came before the slowest task finished", firstMillis < 250,
 *            "it came after " + firstMillis + " ms");
 * }</pre>
 */
public final class Check {
    private Check() {
    }

    /**
     * Passes when {@code condition} holds.
     *
     * @param what what is being checked, phrased as the thing that should be true
     * @param hint what went wrong, shown only on failure
     * @throws AssertionError if {@code condition} is false
     */
    public static void that(String what, boolean condition, String hint) {
        if (condition) {
            System.out.println("✓ " + what);
            return;
        }
        String message = "✗ " + what + ": " + hint;
        System.out.println(message);
        throw new AssertionError(message);
    }

    /** Passes when {@code condition} holds; the failure line just repeats {@code what}. */
    public static void that(String what, boolean condition) {
        that(what, condition, "not yet");
    }

    /**
     * Passes when {@code actual} equals {@code expected}.
     *
     * @throws AssertionError naming both values if they differ
     */
    public static void equal(String what, Object expected, Object actual) {
        that(what, Objects.equals(expected, actual), "expected " + expected + " but got " + actual);
    }
}
