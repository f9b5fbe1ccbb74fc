package arrivals.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes an executed notebook and, next to it, every PNG it shows as a file, so the images can be
 * looked at without Jupyter: {@code target/executed/03-foo.ipynb} gets
 * {@code target/executed/03-foo_files/cell07-1.png} for the first image of cell 7.
 *
 * <pre>{@code
 * List<Path> images = ExecutedNotebookWriter.write(run.executed(), Path.of("target/executed/03-foo.ipynb"));
 * }</pre>
 *
 * <p>Images left from an earlier run of the same notebook are deleted first. I/O problems are
 * thrown as {@link IOException}.
 */
public final class ExecutedNotebookWriter {

    private ExecutedNotebookWriter() {
    }

    /** Writes {@code executed} to {@code file} and its images to {@code <name>_files/}; returns the images. */
    public static List<Path> write(Notebook executed, Path file) throws IOException {
        executed.write(file);
        Path images = imageFolder(file);
        deleteTree(images);
        List<Path> written = new ArrayList<>();
        for (NotebookCell cell : executed.cells()) {
            int index = 0;
            for (JsonNode output : cell.outputs()) {
                JsonNode png = output.path("data").path(MimeRenderer.PNG);
                if (!png.isTextual()) {
                    continue;
                }
                index++;
                Path image = images.resolve(String.format(Locale.ROOT, "cell%02d-%d.png", cell.number(), index));
                Files.createDirectories(images);
                Files.write(image, Base64.getMimeDecoder().decode(png.textValue()));
                written.add(image);
            }
        }
        return written;
    }

    /** {@code 03-foo.ipynb} → {@code 03-foo_files}, next to it. */
    static Path imageFolder(Path notebookFile) {
        String name = notebookFile.getFileName().toString();
        String stem = name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
        return notebookFile.resolveSibling(stem + "_files");
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
