package arrivals.notebook;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs compiled snippets in this JVM (like JShell's "local" engine) with three additions the
 * notebook engine needs: the snippet's value is kept as an object, so a trailing expression can be
 * rendered like JJava does (an image as PNG, a string without quotes); each cell has a time budget
 * for its own code; and the time spent in user code is measured.
 *
 * <p>Each snippet runs on a fresh daemon thread whose context class loader is the session's, while
 * the calling (JShell) thread waits. The budget counts only time running snippets, not JShell's
 * compiling (which cannot be interrupted and, on a busy machine, can be slow). When the budget
 * is used up the snippet is stopped the way JDK 20+
 * JShell stops local code without {@code Thread.stop}: {@link LocalExecutionControl} instruments
 * every jump in snippet bytecode with a check of a static {@code allStop} flag that throws
 * {@code ThreadDeath}; we set that flag and interrupt the thread (which ends sleeps and waits).
 * Loops inside library code are not instrumented; if the thread is still alive after a grace
 * period it is abandoned (it is a daemon, so it cannot keep the JVM alive) and the timeout reports
 * that it is still running.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** Exception class name reported to JShell for a timed-out snippet; never a real class. */
    static final String TIMEOUT_MARKER = "Cell timeout";

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final ReplClassLoader loader;
    private final Map<String, Object> results = new HashMap<>();
    private int nextResultKey;
    private boolean stopFlagLookedUp;
    private Field stopFlag;

    private long budgetNanos = Long.MAX_VALUE;
    private long userNanos;
    private Timeout timeout;
    private volatile Thread running;

    /** What happened when a cell ran out of time. */
    record Timeout(boolean stillRunning, boolean stopSupported) {
    }

    /** The value a snippet produced; {@code value} may be null. */
    record Result(Object value) {
    }

    CellExecutionControl(ReplLoaderDelegate delegate) {
        super(delegate);
        this.loader = delegate.loader();
    }

    /** Starts a cell whose snippets may run for {@code budgetNanos} in total. */
    void startCell(long budgetNanos) {
        this.budgetNanos = budgetNanos;
        this.userNanos = 0;
        this.timeout = null;
    }

    /** Nanoseconds spent running snippets of the current cell. */
    long userNanos() {
        return userNanos;
    }

    /** Set when a snippet of the current cell used up the budget. */
    Timeout timeout() {
        return timeout;
    }

    /** Removes and returns the value stored under the key JShell reported as the snippet's value. */
    Result takeResult(String key) {
        if (key == null || !results.containsKey(key)) {
            return null;
        }
        return new Result(results.remove(key));
    }

    /** Drops values nobody asked for, so they can be garbage collected. */
    void clearResults() {
        results.clear();
    }

    /**
     * Runs the snippet's do-it method and returns a key for its value instead of JShell's value
     * string; {@link #takeResult} turns the key back into the object.
     */
    @Override
    protected String invoke(Method doit) throws Exception {
        Field flag = stopFlag();
        if (flag != null) {
            flag.setBoolean(null, false);
        }
        Object[] value = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                value[0] = doit.invoke(null);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "notebook-cell-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        long start = System.nanoTime();
        running = thread;
        try {
            thread.start();
            if (!awaitUntil(thread, start + Math.max(0, budgetNanos - userNanos))) {
                timeout = new Timeout(!stopThread(thread, flag), flag != null);
                throw new UserException("the cell ran out of time", TIMEOUT_MARKER, new StackTraceElement[0]);
            }
        } catch (InterruptedException e) {
            // Someone interrupted the engine itself: stop the cell too, and let the caller see it.
            stopThread(thread, flag);
            Thread.currentThread().interrupt();
            throw new UserException("the notebook engine was interrupted", InterruptedException.class.getName(),
                    new StackTraceElement[0]);
        } finally {
            running = null;
            userNanos += System.nanoTime() - start;
        }
        if (failure[0] instanceof InvocationTargetException e) {
            throw e;
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] != null) {
            // An Error thrown by the snippet itself (e.g. StackOverflowError) is the user's error.
            throw new InvocationTargetException(failure[0]);
        }
        String key = "result-" + (++nextResultKey);
        results.put(key, value[0]);
        return key;
    }

    /** Stops the running snippet, if any; used by {@code JShell.stop()}. */
    @Override
    public void stop() {
        Thread thread = running;
        if (thread != null) {
            stopThread(thread, stopFlag);
        }
    }

    private static boolean awaitUntil(Thread thread, long deadlineNanos) throws InterruptedException {
        while (thread.isAlive()) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            thread.join(Duration.ofNanos(remaining));
        }
        return true;
    }

    /** Returns true when the thread ended within the grace period. */
    private static boolean stopThread(Thread thread, Field flag) {
        if (flag != null) {
            try {
                flag.setBoolean(null, true);
            } catch (IllegalAccessException e) {
                // Cannot happen for a public field once found; interrupting is still worth a try.
            }
        }
        thread.interrupt();
        try {
            return thread.join(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    /**
     * The {@code allStop} flag of the class JShell's local engine generates for stopping code. The
     * engine generates it on its first invocation, so we make one harmless invocation through it.
     * Returns null (interrupt-only stopping) if a JDK ever changes these internals.
     */
    private Field stopFlag() {
        if (!stopFlagLookedUp) {
            stopFlagLookedUp = true;
            try {
                Method noop = CellExecutionControl.class.getDeclaredMethod("bootstrapNoop");
                noop.setAccessible(true);
                super.invoke(noop);
                Field field = findClass("REPL.$Cancel$").getDeclaredField("allStop");
                field.setAccessible(true);
                stopFlag = field;
            } catch (Exception | LinkageError e) {
                stopFlag = null;
            }
        }
        return stopFlag;
    }

    @SuppressWarnings("unused") // called reflectively by stopFlag()
    private static void bootstrapNoop() {
    }
}
