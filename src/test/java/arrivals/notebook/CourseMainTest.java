package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit status, report and files written. */
class CourseMainTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeNotebooks() throws IOException {
        System.setProperty("java.awt.headless", "true");
        NotebookJson.java()
                .code("picture", "var image = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                        + "display(image);\nSystem.out.println(\"shown\");")
                .writeTo(repo.resolve("notebooks/01-ok.ipynb"));
        NotebookJson.java()
                .markdown("title", "# Broken")
                .code("divide", "int x = 1;\nint y = x / 0;")
                .code("after", "System.out.println(\"not run\");")
                .writeTo(repo.resolve("notebooks/solutions/02-bad.ipynb"));
    }

    @Test
    void failingNotebookGivesStatus1AndSaysWhereAndWhy() throws IOException {
        int status = run("--out", "target/executed");

        assertEquals(1, status, report());
        String report = report();
        assertTrue(report.contains("notebooks/solutions/02-bad.ipynb, cell 2 (In [1]), line 2: int y = x / 0;"), report);
        assertTrue(report.contains("java.lang.ArithmeticException: / by zero"), report);
        assertTrue(report.contains("JShell start-up"), report);
        assertTrue(report.contains("1 passed, 1 failed"), report);
        assertFalse(report.contains("\tat ") || report.contains("at arrivals.notebook."), "no engine stack trace:\n" + report);

        Path executed = repo.resolve("target/executed");
        assertTrue(Files.isRegularFile(executed.resolve("01-ok.ipynb")));
        assertTrue(Files.isRegularFile(executed.resolve("solutions/02-bad.ipynb")), "paths mirror notebooks/");
        var image = ImageIO.read(executed.resolve("01-ok_files/cell01-1.png").toFile());
        assertNotNull(image, "the displayed PNG is written next to the notebook");
        assertEquals(3, image.getWidth());
    }

    @Test
    void passingNotebookGivesStatus0() {
        int status = run("--out", "out", "--timeout", "30", "notebooks/01-ok.ipynb");

        assertEquals(0, status, report());
        assertTrue(Files.isRegularFile(repo.resolve("out/01-ok.ipynb")));
        assertTrue(report().contains("1 passed, 0 failed"), report());
        // The benchmark report reads the run's per-notebook times from here.
        String timings = assertDoesNotThrow(() -> Files.readString(repo.resolve(CourseMain.TIMINGS)));
        assertTrue(timings.lines().anyMatch(line -> line.matches("notebooks/01-ok\\.ipynb\t\\d+\\.\\d\\d")), timings);
    }

    @Test
    void badArgumentsAndMissingNotebooksGiveStatus2() throws IOException {
        assertEquals(2, run("--timeout", "soon"));
        assertTrue(report().contains("--timeout needs a positive number of seconds"), report());

        Path empty = Files.createDirectories(repo.resolve("empty"));
        assertEquals(2, CourseMain.run(new String[0], empty, print(out), print(err)));
        assertTrue(report().contains("no notebooks found"), report());
    }

    @Test
    void fromAnotherFolderTheCopiesGoUnderTheRepositoryAndTheReportSaysWhere(@TempDir Path elsewhere) throws IOException {
        Files.writeString(repo.resolve("notebooks/solutions/02-bad.ipynb"), Files.readString(repo.resolve("notebooks/01-ok.ipynb")));

        int status = CourseMain.run(new String[] {"--root", repo.toString()}, elsewhere, print(out), print(err));

        assertEquals(0, status, report());
        Path executed = repo.resolve("target/executed").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(executed.resolve("01-ok.ipynb")), report());
        assertTrue(Files.isRegularFile(executed.resolve("solutions/02-bad.ipynb")), report());
        assertFalse(Files.exists(elsewhere.resolve("target")), "nothing is written where the user stands");
        assertTrue(report().contains("writing to " + executed), report());
        assertTrue(report().contains("Executed copies: " + executed), report());
        assertTrue(Files.isRegularFile(repo.resolve(CourseMain.TIMINGS)), "the timings go to the repository too");
    }

    @Test
    void notebooksWithTheSameNameInDifferentFoldersGetDifferentCopies(@TempDir Path elsewhere) throws IOException {
        NotebookJson.java().code("other", "System.out.println(\"from extra\");")
                .writeTo(repo.resolve("extra/01-ok.ipynb"));
        NotebookJson.java().code("outside", "System.out.println(\"from outside\");")
                .writeTo(elsewhere.resolve("01-ok.ipynb"));

        assertEquals(0, run("--root", ".", "notebooks/01-ok.ipynb"), report());
        assertEquals(0, run("--root", ".", "extra/01-ok.ipynb", elsewhere.resolve("01-ok.ipynb").toString()), report());

        Path executed = repo.resolve("target/executed");
        assertTrue(Files.readString(executed.resolve("01-ok.ipynb")).contains("shown"),
                "the course notebook's copy is still its own after running two namesakes");
        assertTrue(Files.readString(executed.resolve("_repo/extra/01-ok.ipynb")).contains("from extra"), report());
        Path outside = executed.resolve(CourseMain.relativeOut(elsewhere.resolve("01-ok.ipynb"), repo));
        assertTrue(outside.startsWith(executed.resolve("_abs")), outside.toString());
        assertTrue(Files.readString(outside).contains("from outside"), report());
    }

    @Test
    void aGlobThatTheShellDidNotExpandIsExpandedHere() {
        int status = run("--out", "out", "notebooks/0*-ok.ipynb");

        assertEquals(0, status, report());
        assertTrue(Files.isRegularFile(repo.resolve("out/01-ok.ipynb")), report());
        assertTrue(report().contains("1 passed, 0 failed"), report());

        assertEquals(2, run("notebooks/9*.ipynb"));
        assertTrue(report().contains("notebooks/9*.ipynb matches nothing"), report());
    }

    private int run(String... args) {
        return CourseMain.run(args, repo, print(out), print(err));
    }

    private String report() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
