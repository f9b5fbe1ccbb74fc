package arrivals.course;

import arrivals.notebook.Notebook;
import arrivals.notebook.NotebookCell;
import arrivals.notebook.NotebookExecutor;
import arrivals.notebook.NotebookRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an exercise's check against wrong answers, to prove the check rejects them.
 *
 * <pre>{@code
 * Map<String, String> verdicts = WrongAnswers.in("notebooks/solutions/02-gather-solutions.ipynb")
 *         .wrong("static List<String> fetchAll", "one after another", """
 *                 static List<String> fetchAll(List<Task<String>> tasks) throws Exception {
 *                     List<String> out = new ArrayList<>();
 *                     for (var t : tasks) out.add(t.call());
 *                     return out;
 *                 }""")
 *         .run();
 * verdicts.forEach((label, failure) -> assertTrue(failure.startsWith("✗"), label + ": " + failure));
 * }</pre>
 *
 * <p>The solution notebook runs once, in one JShell session, as the course engine runs it. Just before the
 * solution cell named by a marker (any text only that code cell contains), each wrong answer for it runs,
 * followed by a copy of the exercise's check cell (the first later code cell that calls {@code Check.}).
 * Then the real solution and its check run as usual, so later exercises see the right definitions.
 *
 * <p>{@link #run()} maps each wrong answer's label to the first line of what its check cell raised. A check
 * that passed maps to {@code "passed"}; a check that threw something other than a ✗ line (a
 * NullPointerException, say), or a wrong answer that did not even run (a compile error), maps to a sentence
 * saying so. None of those starts with ✗, so a test asserting ✗ fails for each.
 */
final class WrongAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "wrong-answer probe: ";

    private record Wrong(String marker, String label, String source) {
    }

    private final Path solution;
    private final List<Wrong> wrongs = new ArrayList<>();

    private WrongAnswers(Path solution) {
        this.solution = solution;
    }

    /** Wrong answers for the exercises of one solution notebook (a path relative to the repository). */
    static WrongAnswers in(String solutionNotebook) {
        return new WrongAnswers(Path.of(solutionNotebook));
    }

    /** Adds a wrong answer that replaces the code cell containing {@code marker} for one run of its check. */
    WrongAnswers wrong(String marker, String label, String source) {
        if (wrongs.stream().anyMatch(w -> w.label().equals(label))) {
            throw new IllegalArgumentException("two wrong answers are labelled \"" + label + "\"");
        }
        wrongs.add(new Wrong(marker, label, source));
        return this;
    }

    /** Runs the notebook with every wrong answer inserted; see the class comment for what the map holds. */
    Map<String, String> run() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(solution));
        ArrayNode cells = (ArrayNode) root.get("cells");
        ArrayNode rebuilt = JSON.createArrayNode();
        Map<Integer, Wrong> probes = new LinkedHashMap<>(); // position of each probe's check copy
        for (int i = 0; i < cells.size(); i++) {
            if (isCode(cells.get(i))) {
                for (Wrong wrong : wrongsAt(cells, i)) {
                    rebuilt.add(codeCell(wrong.source()));
                    probes.put(rebuilt.size(), wrong);
                    rebuilt.add(codeCell(caught(source(checkAfter(cells, i, wrong)))));
                }
            }
            rebuilt.add(cells.get(i));
        }
        for (Wrong wrong : wrongs) {
            if (!probes.containsValue(wrong)) {
                throw new IllegalArgumentException(solution + ": no code cell contains \"" + wrong.marker() + "\"");
            }
        }
        root.set("cells", rebuilt);
        Notebook notebook = Notebook.parse(JSON.writeValueAsString(root), solution.getFileName().toString());
        NotebookRun run = NotebookExecutor.withDefaults().execute(notebook, solution.toAbsolutePath().getParent());
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<NotebookCell> executed = run.executed().cells();
        String stopped = run.failure().map(f -> "cell " + f.cellNumber() + ": " + f.reason()).orElse("");
        probes.forEach((at, wrong) ->
                verdicts.put(wrong.label(), verdict(executed.get(at - 1), executed.get(at), stopped)));
        return verdicts;
    }

    /**
     * Fails the calling test unless every verdict is a ✗ line, naming the first wrong answer that got through.
     * Each verdict is printed too, so a CI log shows what every check said to every wrong answer.
     */
    static void assertAllRejected(Map<String, String> verdicts) {
        verdicts.forEach((label, verdict) -> {
            System.out.println("wrong answer \"" + label + "\" -> " + verdict);
            if (!verdict.startsWith("✗")) {
                throw new AssertionError("the check let a wrong answer through (" + label + "): " + verdict);
            }
        });
    }

    /**
     * The check's source, with a failed check caught and printed after {@link #PROBE}: the engine stops a
     * notebook at the first failing cell, and every probe after this one must still run. Anything else the
     * check throws (a NullPointerException, say) still fails the cell, as a student would see it.
     */
    private static String caught(String check) {
        return "try {\n" + check + "\n} catch (arrivals.course.Check.Failed probeFailure) {\n"
                + "    System.out.println(\"" + PROBE + "\" + probeFailure.getMessage());\n}";
    }

    private static String verdict(NotebookCell answer, NotebookCell check, String stopped) {
        Optional<String> answerError = error(answer);
        if (answerError.isPresent()) {
            return "the wrong answer itself failed: " + answerError.get();
        }
        if (answer.executionCount().isEmpty() || check.executionCount().isEmpty()) {
            return "not run: an earlier cell failed (" + stopped + ")";
        }
        Optional<String> checkError = error(check);
        if (checkError.isPresent()) {
            return "the check failed with an error, not a ✗ line: " + checkError.get();
        }
        String printed = stdout(check);
        int probe = printed.indexOf(PROBE);
        return probe < 0 ? "passed" : printed.substring(probe + PROBE.length()).lines().findFirst().orElse("");
    }

    private static Optional<String> error(NotebookCell cell) {
        for (JsonNode output : cell.outputs()) {
            if ("error".equals(output.path("output_type").asText())) {
                return Optional.of(output.path("ename").asText() + ": " + output.path("evalue").asText());
            }
        }
        return Optional.empty();
    }

    private static String stdout(NotebookCell cell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.outputs()) {
            if ("stream".equals(output.path("output_type").asText()) && "stdout".equals(output.path("name").asText())) {
                JsonNode body = output.path("text");
                if (body.isTextual()) {
                    text.append(body.asText());
                } else {
                    body.forEach(line -> text.append(line.asText()));
                }
            }
        }
        return text.toString();
    }

    private List<Wrong> wrongsAt(ArrayNode cells, int index) {
        List<Wrong> here = new ArrayList<>();
        String text = source(cells.get(index));
        for (Wrong wrong : wrongs) {
            if (text.contains(wrong.marker())) {
                here.add(wrong);
            }
        }
        return here;
    }

    private JsonNode checkAfter(ArrayNode cells, int index, Wrong wrong) {
        for (int i = index + 1; i < cells.size(); i++) {
            if (isCode(cells.get(i)) && source(cells.get(i)).contains("Check.")) {
                return cells.get(i);
            }
        }
        throw new IllegalArgumentException(solution + ": no check cell follows \"" + wrong.marker() + "\"");
    }

    private static boolean isCode(JsonNode cell) {
        return "code".equals(cell.path("cell_type").asText());
    }

    private static String source(JsonNode cell) {
        JsonNode source = cell.path("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private static ObjectNode codeCell(String source) {
        ObjectNode cell = JSON.createObjectNode();
        cell.put("cell_type", "code");
        cell.set("execution_count", null);
        cell.putObject("metadata");
        cell.putArray("outputs");
        cell.put("source", source);
        return cell;
    }
}
