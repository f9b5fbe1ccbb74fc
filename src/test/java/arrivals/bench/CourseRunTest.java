package arrivals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseRunTest {

    @Test
    void readsNotebookTimingsAndSkipsWhatIsNotATiming(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("timings.tsv");
        Files.writeString(file, """
                # notebook\tseconds
                notebook\tseconds
                notebooks/01-intro.ipynb\t3.5
                notebooks/07-under-the-hood.ipynb\t21
                notebooks/08-broken.ipynb\tfailed
                """);
        CourseRun run = CourseRun.read(file).orElseThrow();
        assertEquals(2, run.notebooks().size());
        assertEquals(24.5, run.totalSeconds(), 1e-9);
        assertEquals("notebooks/07-under-the-hood.ipynb", run.slowest().path());
        assertTrue(run.summary().startsWith("2 notebooks in 24.5 s; slowest: notebooks/07"), run.summary());
    }

    @Test
    void aMissingFileMeansNoSection(@TempDir Path dir) {
        assertEquals(Optional.empty(), CourseRun.read(dir.resolve("absent.tsv")));
    }
}
