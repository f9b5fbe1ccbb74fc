package arrivals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timing of the last headless course run, for the report's "Headless course run" section.
 *
 * <p>The notebook runner ({@code ./course run}) is expected to leave {@code target/course-run/timings.tsv}: one
 * line per notebook, its path and the seconds it took, separated by a tab; lines starting with {@code #} are
 * comments. When the file is missing or holds no such line, the report keeps a placeholder instead.
 *
 * <pre>{@code
 * Optional<CourseRun> run = CourseRun.read(Path.of("target/course-run/timings.tsv"));
 * run.map(CourseRun::summary);   // "12 notebooks in 84.2 s; slowest: notebooks/07-....ipynb (21.0 s)"
 * }</pre>
 */
record CourseRun(List<Notebook> notebooks) {
    static final Path DEFAULT = Path.of("target", "course-run", "timings.tsv");

    /** One executed notebook and how long it took. */
    record Notebook(String path, double seconds) {
    }

    /** Reads {@code file}; empty when it is absent, unreadable or lists no notebook. Malformed lines are skipped. */
    static Optional<CourseRun> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        List<Notebook> notebooks = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length < 2) {
                continue;
            }
            try {
                notebooks.add(new Notebook(cells[0].trim(), Double.parseDouble(cells[1].trim())));
            } catch (NumberFormatException e) {
                // a header line or a notebook that did not finish: not a timing
            }
        }
        return notebooks.isEmpty() ? Optional.empty() : Optional.of(new CourseRun(List.copyOf(notebooks)));
    }

    double totalSeconds() {
        return notebooks.stream().mapToDouble(Notebook::seconds).sum();
    }

    Notebook slowest() {
        Notebook slowest = notebooks.get(0);
        for (Notebook notebook : notebooks) {
            if (notebook.seconds() > slowest.seconds()) {
                slowest = notebook;
            }
        }
        return slowest;
    }

    String summary() {
        Notebook slowest = slowest();
        return notebooks.size() + " notebooks in " + Format.number(totalSeconds()) + " s; slowest: "
                + slowest.path() + " (" + Format.number(slowest.seconds()) + " s)";
    }
}
