package arrivals.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds notebooks in a folder tree: every {@code *.ipynb}, sorted by path, skipping Jupyter's
 * {@code .ipynb_checkpoints} folders.
 *
 * <pre>{@code
 * List<Path> notebooks = NotebookFiles.find(Path.of("notebooks")); // includes notebooks/solutions/
 * }</pre>
 *
 * <p>A folder that does not exist holds no notebooks (an empty list, not an error).
 */
public final class NotebookFiles {

    private NotebookFiles() {
    }

    /** All notebooks under {@code folder}, sorted; empty if the folder does not exist. */
    public static List<Path> find(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".ipynb"))
                    .filter(p -> !folder.relativize(p).toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .toList();
        }
    }
}
