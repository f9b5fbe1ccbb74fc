package arrivals.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a notebook as committed to the repository, before it is run: it must be valid JSON in
 * nbformat 4, ask for the {@code java} kernel, and carry no outputs or execution counts (so diffs
 * show only source changes and every output comes from a fresh run).
 *
 * <pre>{@code
 * List<String> problems = NotebookChecks.committedProblems(Path.of("notebooks/01-intro.ipynb"));
 * problems.forEach(System.err::println);   // empty when the notebook is fine
 * }</pre>
 *
 * <p>Each problem is one sentence naming the notebook (and cell) and saying how to fix it.
 */
public final class NotebookChecks {

    /** The kernel name IJava and JJava register. */
    public static final String KERNEL = "java";

    private NotebookChecks() {
    }

    /** The problems of the notebook file; a file that cannot be parsed gives a single problem. */
    public static List<String> committedProblems(Path file) {
        try {
            return committedProblems(Notebook.read(file));
        } catch (NotebookFormatException e) {
            return List.of(e.getMessage());
        } catch (IOException e) {
            return List.of(file + " cannot be read: " + e.getMessage());
        }
    }

    /** The problems of a parsed notebook. */
    public static List<String> committedProblems(Notebook notebook) {
        List<String> problems = new ArrayList<>();
        String name = notebook.name();
        notebook.kernelName().ifPresentOrElse(
                kernel -> {
                    if (!kernel.equals(KERNEL)) {
                        problems.add(name + " asks for kernel \"" + kernel + "\"; Java notebooks must use \"" + KERNEL
                                + "\" (metadata.kernelspec.name), the name IJava and JJava install");
                    }
                },
                () -> problems.add(name + " has no metadata.kernelspec.name; set it to \"" + KERNEL + "\""));
        List<Integer> withOutputs = new ArrayList<>();
        List<Integer> withCounts = new ArrayList<>();
        try {
            for (NotebookCell cell : notebook.cells()) {
                if (cell.hasOutputs()) {
                    withOutputs.add(cell.number());
                }
                if (cell.executionCount().isPresent()) {
                    withCounts.add(cell.number());
                }
                cell.source();
                cell.tags();
            }
        } catch (NotebookFormatException e) {
            problems.add(e.getMessage());
        }
        if (!withOutputs.isEmpty()) {
            problems.add(name + ": " + cells(withOutputs) + " committed with outputs; clear all outputs before committing");
        }
        if (!withCounts.isEmpty()) {
            problems.add(name + ": " + cells(withCounts)
                    + " committed with execution counts; clear all outputs before committing");
        }
        return problems;
    }

    private static String cells(List<Integer> numbers) {
        return (numbers.size() == 1 ? "cell " : "cells ")
                + String.join(", ", numbers.stream().map(String::valueOf).toList())
                + (numbers.size() == 1 ? " was" : " were");
    }
}
