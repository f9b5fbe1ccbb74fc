package arrivals.notebook;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes {@code System.out} and {@code System.err} of the whole JVM into the running cell's
 * outputs, so output printed by any thread while a cell runs belongs to that cell (what JJava's
 * kernel does too). Between cells, output goes to the original console streams.
 *
 * <p>Installed once per JVM, on the first session, and left in place: code may have kept a
 * reference to {@code System.out}, and swapping streams back and forth would strand it. Cells see
 * an empty {@code System.in} (end of input at once) instead of blocking on the engine's terminal.
 */
final class OutputCapture {

    private static PrintStream consoleOut;
    private static PrintStream consoleErr;
    private static volatile CellOutputs target;

    private OutputCapture() {
    }

    /** Replaces System.out, System.err and System.in, once per JVM. */
    static synchronized void install() {
        if (consoleOut != null) {
            return;
        }
        consoleOut = System.out;
        consoleErr = System.err;
        System.setOut(new PrintStream(new Router("stdout", consoleOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Router("stderr", consoleErr), true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
    }

    /** The JVM's original standard output, for the engine's own messages. */
    static synchronized PrintStream console() {
        return consoleOut != null ? consoleOut : System.out;
    }

    /** Sends everything printed from now on to {@code outputs}. */
    static void routeTo(CellOutputs outputs) {
        target = outputs;
    }

    /** Sends printed output back to the console. */
    static void stopRouting() {
        System.out.flush();
        System.err.flush();
        target = null;
    }

    private static final class Router extends OutputStream {
        private final String name;
        private final PrintStream console;

        Router(String name, PrintStream console) {
            this.name = name;
            this.console = console;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            CellOutputs outputs = target;
            if (outputs != null) {
                outputs.appendStream(name, buffer, offset, length);
            } else {
                console.write(buffer, offset, length);
            }
        }

        @Override
        public void flush() {
            if (target == null) {
                console.flush();
            }
        }
    }
}
