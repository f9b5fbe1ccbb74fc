package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** When a notebook fails, and what the failure says. */
class NotebookFailureTest {

    @Test
    void untaggedErrorFailsTheNotebookAndStopsTheRun() throws IOException {
        NotebookRun run = NotebookExecutor.withDefaults().execute(TestNotebooks.resource("untagged-error.ipynb"));

        CellFailure failure = run.failure().orElseThrow(() -> new AssertionError("the notebook should fail"));
        assertEquals(TestNotebooks.cell(run, "fails").number(), failure.cellNumber());
        assertEquals(2, failure.executionCount());
        assertEquals(3, failure.line());
        assertEquals("s.length();", failure.sourceLine());
        assertTrue(failure.reason().startsWith("java.lang.NullPointerException"), failure.reason());
        assertTrue(failure.describe().contains(", line 3: s.length();"), failure.describe());

        NotebookCell after = TestNotebooks.cell(run, "after");
        assertFalse(after.hasOutputs());
        assertTrue(after.executionCount().isEmpty());
        assertEquals(CellReport.Status.NOT_RUN, TestNotebooks.report(run, "after").status());
    }

    @Test
    void raisesExceptionCellThatDoesNotRaiseIsAFailure() throws IOException {
        NotebookRun run = NotebookExecutor.withDefaults().execute(
                TestNotebooks.resource("tagged-without-error.ipynb"));

        CellFailure failure = run.failure().orElseThrow(() -> new AssertionError("the notebook should fail"));
        assertEquals(TestNotebooks.cell(run, "no-raise").number(), failure.cellNumber());
        assertTrue(failure.reason().contains("tagged raises-exception but raised no error"), failure.reason());
        assertEquals(CellReport.Status.FAILED, TestNotebooks.report(run, "no-raise").status());
    }

    @Test
    void nbformat44NotebookGetsCellIdsAndMinorVersion5() throws IOException {
        NotebookRun run = NotebookExecutor.withDefaults().execute(TestNotebooks.resource("old-format.ipynb"));

        assertTrue(run.passed(), () -> run.failure().orElseThrow().describe());
        assertTrue(run.executed().toJson().contains("\"nbformat_minor\": 5"));
        assertEquals(java.util.List.of("cell-1", "cell-2"),
                run.executed().cells().stream().map(c -> c.id().orElseThrow()).toList());
    }
}
