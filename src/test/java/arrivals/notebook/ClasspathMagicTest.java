package arrivals.notebook;

import static arrivals.notebook.TestNotebooks.onlyError;
import static arrivals.notebook.TestNotebooks.outputsOfType;
import static arrivals.notebook.TestNotebooks.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %classpath}: resolving paths and globs, and using the classes from a cell. */
class ClasspathMagicTest {

    @TempDir
    Path temp;

    @Test
    void cellLoadsAJarNamedByAGlobRelativeToTheNotebookFolder() throws IOException {
        Path folder = temp.resolve("course/notebooks");
        TinyJar.greeter(temp.resolve("build"), folder.resolve("lib/greeter.jar"));
        Path notebook = NotebookJson.java()
                .code("glob", "%classpath lib/*.jar\ndemo.Greeter.greet(\"notebook\")")
                .code("again", "%classpath lib/greeter.jar\ndemo.Greeter.greet(\"again\")")
                .code("no-match", "%classpath missing/*.jar", NotebookCell.RAISES_EXCEPTION)
                .code("no-file", "%classpath not-there.jar", NotebookCell.RAISES_EXCEPTION)
                .writeTo(folder.resolve("classpath.ipynb"));

        // The working directory is the project, not the notebook's folder.
        NotebookRun run = NotebookExecutor.withDefaults().execute(notebook);

        assertTrue(run.passed(), () -> run.failure().orElseThrow().describe());
        assertEquals("hello notebook", result(run, "glob"));
        assertEquals("hello again", result(run, "again"));
        JsonNode noMatch = onlyError(run, "no-match");
        assertEquals("ClasspathMagicException", noMatch.path("ename").asText());
        assertTrue(noMatch.path("evalue").asText().contains("missing/*.jar matches no file"), noMatch::toString);
        JsonNode noFile = onlyError(run, "no-file");
        assertTrue(noFile.path("evalue").asText().contains("not-there.jar does not exist"), noFile::toString);
    }

    @Test
    void globsMatchNestedFoldersAndListsAreSplit() throws IOException {
        Path a = touch(temp.resolve("lib/a.jar"));
        Path b = touch(temp.resolve("lib/deep/b.jar"));
        Path other = touch(temp.resolve("lib/notes.txt"));

        assertEquals(List.of(a), ClasspathMagic.resolve("lib/*.jar", temp));
        assertEquals(List.of(a, b), ClasspathMagic.resolve("lib/**.jar", temp));
        assertEquals(List.of(a, other), ClasspathMagic.resolve("lib/a.jar" + File.pathSeparator + "lib/notes.txt", temp));
        assertEquals(List.of(b, a), ClasspathMagic.resolve("lib/deep/b.jar lib/a.jar", temp));
    }

    @Test
    void quotedPathsMayHoldSpaces() throws IOException {
        Path jar = touch(temp.resolve("my libs/x.jar"));
        assertEquals(List.of(jar), ClasspathMagic.resolve("\"my libs/x.jar\"", temp));
    }

    @Test
    void missingPathsAreReportedWithWhereTheyWereLookedFor() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClasspathMagic.resolve("../target/arrivals.jar", temp.resolve("notebooks")));
        assertTrue(missing.getMessage().contains(temp.resolve("target/arrivals.jar").toString()), missing.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ClasspathMagic.resolve("  ", temp));
        assertTrue(empty.getMessage().contains("%classpath needs a path"), empty.getMessage());
    }

    private static String result(NotebookRun run, String id) {
        return text(outputsOfType(run, id, "execute_result").get(0).path("data").path("text/plain"));
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
