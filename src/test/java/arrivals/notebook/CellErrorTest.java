package arrivals.notebook;

import static arrivals.notebook.TestNotebooks.onlyError;
import static arrivals.notebook.TestNotebooks.outputs;
import static arrivals.notebook.TestNotebooks.outputsOfType;
import static arrivals.notebook.TestNotebooks.report;
import static arrivals.notebook.TestNotebooks.text;
import static arrivals.notebook.TestNotebooks.traceback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs errors.ipynb, whose cells fail in different ways (all tagged raises-exception). */
class CellErrorTest {

    private static NotebookRun run;

    @BeforeAll
    static void runErrors() throws IOException {
        run = NotebookExecutor.withDefaults().execute(TestNotebooks.resource("errors.ipynb"));
    }

    @Test
    void compileErrorNamesTheCellLineAndMarksTheCode() {
        JsonNode error = onlyError(run, "compile-error");
        assertEquals("CompilationException", error.path("ename").asText());
        assertTrue(error.path("evalue").asText().contains("incompatible types"), error::toString);
        List<String> traceback = traceback(error);
        int header = traceback.indexOf("Compilation error at cell line 2:");
        assertTrue(header >= 0, traceback::toString);
        String code = traceback.get(header + 1);
        String caret = traceback.get(header + 2);
        assertEquals("    String text = 42;", code);
        assertEquals(code.indexOf("42"), caret.indexOf('^'), "caret under the bad value: \n" + code + "\n" + caret);
        assertEquals(2, report(run, "compile-error").error().line());
        assertTrue(outputsOfType(run, "compile-error", "stream").isEmpty(), "the cell stops at the error");
    }

    @Test
    void runtimeExceptionKeepsEarlierOutputAndMapsFramesToCellLines() {
        List<JsonNode> outputs = outputs(run, "runtime-error");
        assertEquals(2, outputs.size(), outputs::toString);
        assertEquals("before\n", text(outputs.get(0).path("text")));
        JsonNode error = outputs.get(1);
        assertEquals("java.lang.ArithmeticException", error.path("ename").asText());
        assertEquals("/ by zero", error.path("evalue").asText());
        int defining = TestNotebooks.cell(run, "define").number();
        int failing = TestNotebooks.cell(run, "runtime-error").number();
        assertEquals(List.of(
                "java.lang.ArithmeticException: / by zero",
                "    at divide (cell " + defining + ", line 2): return a / b;",
                "    at cell " + failing + ", line 3: divide(1, zero);"), traceback(error));
        CellError reported = report(run, "runtime-error").error();
        assertEquals(3, reported.line());
        assertEquals("divide(1, zero);", reported.sourceLine());
    }

    @Test
    void mavenMagicFailsWithAClearMessage() {
        JsonNode error = onlyError(run, "maven");
        assertEquals("UnsupportedMagicException", error.path("ename").asText());
        String message = error.path("evalue").asText();
        assertTrue(message.startsWith("%maven is not supported by the headless engine"), message);
        assertTrue(message.contains("%classpath ../target/arrivals.jar"), message);
    }

    @Test
    void incompleteCodeIsACompileError() {
        JsonNode error = onlyError(run, "incomplete");
        assertEquals("CompilationException", error.path("ename").asText());
        assertTrue(traceback(error).get(0).startsWith("Incomplete code at cell line 1"), error::toString);
    }

    @Test
    void sessionKeepsWorkingAfterErrors() {
        assertTrue(run.passed(), () -> run.failure().orElseThrow().describe());
        JsonNode result = outputsOfType(run, "last", "execute_result").get(0);
        assertEquals("2", text(result.path("data").path("text/plain")));
    }
}
