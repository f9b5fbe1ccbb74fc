package arrivals.notebook;

import static arrivals.notebook.TestNotebooks.onlyError;
import static arrivals.notebook.TestNotebooks.outputsOfType;
import static arrivals.notebook.TestNotebooks.text;
import static arrivals.notebook.TestNotebooks.traceback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cell that runs too long is stopped, reported, and the session stays usable. */
class CellTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @Test
    void busyLoopAndSleepAreStoppedAndTheNextCellRuns() throws IOException {
        NotebookRun run = NotebookExecutor.withTimeout(TIMEOUT).execute(TestNotebooks.resource("timeout.ipynb"));

        for (String id : new String[] {"busy-loop", "sleep"}) {
            JsonNode error = onlyError(run, id);
            assertEquals("CellTimeoutException", error.path("ename").asText());
            assertTrue(error.path("evalue").asText().contains("1.5 s"), error::toString);
            assertFalse(String.join("\n", traceback(error)).contains("left running"),
                    "the thread should have stopped: " + error);
            assertTrue(TestNotebooks.report(run, id).userNanos() >= TIMEOUT.toNanos(),
                    "stopped only after the timeout");
        }
        assertTrue(run.passed(), () -> run.failure().orElseThrow().describe());
        JsonNode after = outputsOfType(run, "after", "execute_result").get(0);
        assertEquals("alive", text(after.path("data").path("text/plain")));
    }
}
