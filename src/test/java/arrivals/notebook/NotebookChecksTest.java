package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks on notebooks as committed: JSON, kernel, no outputs. */
class NotebookChecksTest {

    @TempDir
    Path temp;

    @Test
    void cleanJavaNotebookHasNoProblems() throws IOException {
        Path file = NotebookJson.java().code("a", "1 + 1").writeTo(temp.resolve("ok.ipynb"));
        assertEquals(List.of(), NotebookChecks.committedProblems(file));
    }

    @Test
    void invalidJsonIsReportedWithItsPosition() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.ipynb"), "{\"cells\": [\n  oops\n]}");
        List<String> problems = NotebookChecks.committedProblems(file);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("is not valid JSON") && problems.get(0).contains("line 2"), problems::toString);
    }

    @Test
    void otherKernelIsAProblem() throws IOException {
        Path file = NotebookJson.kernel("python3").code("a", "1").writeTo(temp.resolve("py.ipynb"));
        List<String> problems = NotebookChecks.committedProblems(file);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("asks for kernel \"python3\""), problems::toString);
    }

    @Test
    void committedOutputsAndCountsAreProblems() throws IOException {
        NotebookJson notebook = NotebookJson.java().code("a", "1").code("b", "2");
        notebook.lastCell().put("execution_count", 3);
        notebook.lastCell().withArray("outputs").addObject().put("output_type", "stream");
        Path file = notebook.writeTo(temp.resolve("dirty.ipynb"));

        List<String> problems = NotebookChecks.committedProblems(file);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("cell 2 was committed with outputs"), problems::toString);
        assertTrue(problems.get(1).contains("cell 2 was committed with execution counts"), problems::toString);
    }
}
