package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per notebook under {@code notebooks/} (solutions included): the notebook must be valid
 * JSON, ask for the {@code java} kernel, be committed without outputs or execution counts, and run
 * headlessly without an error outside cells tagged {@code raises-exception}. Executed copies are
 * written to {@code target/executed/} (as {@link CourseMain} does) for {@code scripts/validate-notebooks.sh}.
 *
 * <p>Runs after {@code package}, so notebooks load the freshly built {@code target/arrivals.jar}.
 */
class NotebooksIT {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final Path EXECUTED = ROOT.resolve("target/executed");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanly() throws IOException {
        List<Path> notebooks = NotebookFiles.find(NOTEBOOKS);
        if (notebooks.isEmpty()) {
            return Stream.of(dynamicTest("notebooks/ holds no notebooks yet", NotebooksIT::assertNoNotebooks));
        }
        return notebooks.stream().map(file -> dynamicTest(ROOT.relativize(file).toString(), file.toUri(),
                () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        String name = ROOT.relativize(file).toString();
        List<String> problems = new ArrayList<>(NotebookChecks.committedProblems(file));
        Notebook notebook;
        try {
            notebook = Notebook.parse(Files.readString(file), name);
        } catch (NotebookFormatException e) {
            fail(String.join("\n", problems));
            return;
        }
        NotebookRun run = NotebookExecutor.withDefaults().execute(notebook, file.getParent());
        ExecutedNotebookWriter.write(run.executed(), EXECUTED.resolve(NOTEBOOKS.relativize(file)));
        run.failure().ifPresent(failure -> problems.add(failure.describe()));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** Looks again without NotebookFiles, so a bug in finding notebooks cannot pass for "none". */
    private static void assertNoNotebooks() throws IOException {
        if (!Files.exists(NOTEBOOKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(NOTEBOOKS)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .toList();
            assertEquals(List.of(), found, "notebooks exist but were not found");
        }
    }
}
