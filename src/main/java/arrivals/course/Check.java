package arrivals.course;

import java.util.Objects;

/**
 * Self-checks for the course's exercises: each check prints a line starting with ✓ when it holds, and otherwise
 * throws {@link Failed}, whose message is one line starting with ✗ that says what was expected and what came.
 * {@code Failed} carries no stack frames, so a notebook shows that one line and nothing else, and the headless
 * run of the solution notebooks still fails loudly.
 *
 * <pre>{@code
 * List<String> mine = Check.answered(solveExercise());   // ✗ not done yet, while it returns null
 * Check.equal("results come back in input order", List.of("a", "b", "c"), mine);
 * Check.that("the first result came before the slowest task finished", firstMillis < 250,
 *            "it came after " + firstMillis + " ms");
 * }</pre>
 *
 * An exercise stub that a student has not filled in yet can {@code throw Check.todo();}: the check cell that
 * calls it then says the exercise is not done, instead of showing a {@code NullPointerException}.
 */
public final class Check {
    static final String NOT_DONE = "✗ not done yet: replace the TODO in the cell above";

    private Check() {
    }

    /**
     * A failed check: an {@link AssertionError} with one line of message and no stack trace, because the line
     * already says everything a student needs and a trace would only bury it.
     */
    public static final class Failed extends AssertionError {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // no frames: see the class comment
        }
    }

    /**
     * Passes when {@code condition} holds.
     *
     * @param what what is being checked, phrased as the thing that should be true
     * @param hint what went wrong, shown only on failure
     * @throws Failed if {@code condition} is false
     */
    public static void that(String what, boolean condition, String hint) {
        if (!condition) {
            throw new Failed("✗ " + what + ": " + hint);
        }
        System.out.println("✓ " + what);
    }

    /** Passes when {@code condition} holds; the failure line just repeats {@code what}. */
    public static void that(String what, boolean condition) {
        that(what, condition, "not yet");
    }

    /**
     * Passes when {@code actual} equals {@code expected}.
     *
     * @throws Failed naming both values if they differ
     */
    public static void equal(String what, Object expected, Object actual) {
        that(what, Objects.equals(expected, actual), "expected " + expected + " but got " + actual);
    }

    /**
     * Returns {@code answer}, or fails with "✗ not done yet" when it is null, which is what an untouched
     * exercise stub returns.
     *
     * @throws Failed if {@code answer} is null
     */
    public static <T> T answered(T answer) {
        if (answer == null) {
            throw new Failed(NOT_DONE);
        }
        return answer;
    }

    /** Work a check calls: an exercise's method, which may throw anything. */
    @FunctionalInterface
    public interface Answer<T> {
        T get() throws Exception;
    }

    /**
     * Calls an exercise's answer and returns what it returned, or fails with one ✗ line naming the exception it
     * threw, so that a wrong answer that throws (a {@code TaskFailedException}, say) reads like any other wrong
     * answer instead of a stack trace. A stub's {@link #todo()} passes through as "not done yet"; so does a null
     * answer.
     *
     * @throws Failed if the answer threw or returned null
     */
    public static <T> T call(String what, Answer<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (Failed notDoneOrFailed) {
            throw notDoneOrFailed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("✗ " + what + " was interrupted");
        } catch (Exception | Error e) {
            throw new Failed("✗ " + what + " threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        return answered(value);
    }

    /**
     * The failure an exercise stub throws until a student replaces it: {@code throw Check.todo();}.
     */
    public static Failed todo() {
        return new Failed(NOT_DONE);
    }
}
