package arrivals.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The course's conventions, checked on every notebook: numbered names, navigation links, learning goals, the
 * jar loaded first, a summary and self-checking exercises with a solution notebook. (Whether the cells run is
 * the notebook engine's test; this one checks the shape.)
 */
class CourseStructureTest {
    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final Pattern NAME = Pattern.compile("(\\d\\d)-[a-z0-9-]+\\.ipynb");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+\\.ipynb)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static List<String> cellTexts(JsonNode notebook, String type) {
        List<String> texts = new ArrayList<>();
        for (JsonNode cell : notebook.path("cells")) {
            if (cell.path("cell_type").asText().equals(type)) {
                StringBuilder text = new StringBuilder();
                cell.path("source").forEach(line -> text.append(line.asText()));
                texts.add(text.toString());
            }
        }
        return texts;
    }

    @Test
    void lessonsAreNumberedWithoutGapsFromTheIndex() throws IOException {
        List<Path> lessons = lessons();
        assertFalse(lessons.isEmpty(), "no notebooks under " + NOTEBOOKS.toAbsolutePath());
        assertEquals("00-index.ipynb", lessons.get(0).getFileName().toString());
        for (int i = 0; i < lessons.size(); i++) {
            Matcher m = NAME.matcher(lessons.get(i).getFileName().toString());
            assertTrue(m.matches(), lessons.get(i) + " is not named NN-lower-case-title.ipynb");
            assertEquals(i, Integer.parseInt(m.group(1)), "numbering has a gap or a duplicate at " + lessons.get(i));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonFollowsTheCourseConventions() throws IOException {
        List<Path> lessons = lessons();
        return lessons.stream().map(lesson -> DynamicTest.dynamicTest(lesson.getFileName().toString(), () -> {
            int i = lessons.indexOf(lesson);
            JsonNode notebook = JSON.readTree(lesson.toFile());
            List<String> markdown = cellTexts(notebook, "markdown");
            List<String> code = cellTexts(notebook, "code");
            String first = markdown.get(0);
            String last = markdown.get(markdown.size() - 1);
            List<String> expectedLinks = new ArrayList<>();
            if (i > 0) {
                expectedLinks.add(lessons.get(i - 1).getFileName().toString());
                expectedLinks.add("00-index.ipynb");
            }
            if (i + 1 < lessons.size()) {
                expectedLinks.add(lessons.get(i + 1).getFileName().toString());
            }
            for (String target : expectedLinks) {
                assertTrue(first.contains("](" + target + ")"), "top navigation lacks a link to " + target);
                assertTrue(last.contains("](" + target + ")"), "bottom navigation lacks a link to " + target);
            }
            assertTrue(code.get(0).startsWith("%classpath ../target/arrivals.jar"),
                    "the first code cell must load the jar with %classpath ../target/arrivals.jar");
            String all = String.join("\n", markdown);
            if (i > 0) {
                assertTrue(all.contains("## Learning goals"), "no '## Learning goals' section");
                assertTrue(all.contains("## Summary"), "no '## Summary' section");
                assertTrue(all.contains("## Exercises"), "no '## Exercises' section");
                assertExercisesAreSelfChecking(notebook);
                String solution = lesson.getFileName().toString().replace(".ipynb", "-solutions.ipynb");
                assertTrue(Files.exists(NOTEBOOKS.resolve("solutions").resolve(solution)),
                        "no solution notebook solutions/" + solution);
            }
            assertLinksResolve(lesson, all);
        }));
    }

    @TestFactory
    Stream<DynamicTest> solutionsLoadTheJarFromTheirFolderAndRunEveryCell() throws IOException {
        Path dir = NOTEBOOKS.resolve("solutions");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList().stream()
                    .map(solution -> DynamicTest.dynamicTest(solution.getFileName().toString(), () -> {
                        String lesson = solution.getFileName().toString().replace("-solutions.ipynb", ".ipynb");
                        assertTrue(Files.exists(NOTEBOOKS.resolve(lesson)), "no lesson " + lesson + " for this solution");
                        JsonNode notebook = JSON.readTree(solution.toFile());
                        assertTrue(cellTexts(notebook, "code").get(0).startsWith("%classpath ../../target/arrivals.jar"),
                                "a solution must load the jar with %classpath ../../target/arrivals.jar");
                        for (JsonNode cell : notebook.path("cells")) {
                            if (cell.path("metadata").path("tags").toString().contains("skip-execution")) {
                                fail("a solution must run every cell, so that CI executes its checks");
                            }
                        }
                        assertLinksResolve(solution, String.join("\n", cellTexts(notebook, "markdown")));
                    }));
        }
    }

    /** The longest a code cell may be, except a notebook's first (imports and set-up) cell. */
    static final int MAX_CELL_LINES = 20;

    /**
     * Small cells teach one thing each and fit on a screen: no code cell over {@value #MAX_CELL_LINES} lines,
     * except the first, in every lesson and every solution notebook. Longer helpers belong in the library.
     */
    @TestFactory
    Stream<DynamicTest> everyCodeCellAfterTheFirstIsShort() throws IOException {
        List<Path> notebooks = new ArrayList<>(lessons());
        Path dir = NOTEBOOKS.resolve("solutions");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
            }
        }
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(NOTEBOOKS.relativize(notebook).toString(), () -> {
            List<String> code = cellTexts(JSON.readTree(notebook.toFile()), "code");
            List<String> tooLong = new ArrayList<>();
            for (int i = 1; i < code.size(); i++) {
                long lines = code.get(i).lines().count();
                if (lines > MAX_CELL_LINES) {
                    tooLong.add("code cell " + (i + 1) + " has " + lines + " lines (starts: "
                            + code.get(i).lines().findFirst().orElse("") + ")");
                }
            }
            assertTrue(tooLong.isEmpty(), "code cells over " + MAX_CELL_LINES + " lines: split them, or move helpers into "
                    + "the library: " + String.join("; ", tooLong));
        }));
    }

    /**
     * One time convention: every delay in the course is written in real milliseconds, and what you read is what
     * you wait. No code cell scales time ({@code Fetcher.scaled}, a {@code SlowApi} or {@code Compare.simulated}
     * time scale other than 1, a {@code timeScale} of its own), none makes up a time unit of its own (a
     * {@code Duration} {@code multipliedBy} a count, or a unit variable such as {@code kitchenMinute}), and no markdown
     * speaks of simulated seconds, a time scale, or a minute that lasts some milliseconds.
     */
    @TestFactory
    Stream<DynamicTest> everyDelayIsInRealTime() throws IOException {
        List<Path> notebooks = new ArrayList<>(lessons());
        try (Stream<Path> files = Files.list(NOTEBOOKS.resolve("solutions"))) {
            files.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(notebooks::add);
        }
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(NOTEBOOKS.relativize(notebook).toString(), () -> {
            List<String> found = timeScaleUses(JSON.readTree(notebook.toFile()));
            assertTrue(found.isEmpty(), "delays must be stated in real milliseconds, with no time scale: " + found);
        }));
    }

    /** The check above must be able to fail: it finds each way the course used to scale time. */
    @Test
    void theTimeConventionCheckFindsScaledTime() throws IOException {
        List<String> scaled = List.of(
                "Fetcher fetch = Fetcher.scaled(0.1);",
                "SlowApi api = SlowApi.start(Delays.uniformSeconds(1, 5, 42), 0.1);",
                "SlowApi.newBuilder().delays(itemDelays).timeScale(0.1).failing(7).start();",
                "Compare hundred = Compare.simulated(100, Delays.uniformSeconds(1, 5, 7), 0.05);",
                "double timeScale = 0.1;",
                "Thread.sleep(Duration.ofMillis(100).multipliedBy(order.minutes()));",
                "long tickSecond = 50;");
        // The kitchen of notebook 03 before the convention: a made-up minute of 100 ms, used as a unit.
        assertEquals(2, timeScaleUses(notebookOf("code", """
                Duration kitchenMinute = Duration.ofMillis(100);
                Thread.sleep(kitchenMinute.multipliedBy(order.minutes()));
                """)).size());
        for (String code : scaled) {
            assertEquals(1, timeScaleUses(notebookOf("code", code)).size(), code);
        }
        assertEquals(1, timeScaleUses(notebookOf("markdown", "Delays are given in Simulated seconds.")).size());
        assertEquals(1, timeScaleUses(notebookOf("markdown", "At time scale 0.1 a call sleeps 400 ms.")).size());
        assertEquals(1, timeScaleUses(notebookOf("markdown", "In our kitchen a minute of cooking lasts 100 ms.")).size());
        assertEquals(List.of(), timeScaleUses(notebookOf("markdown", "Each notebook takes about 20 minutes.")));
        List<String> realTime = List.of(
                "Fetcher fetch = Fetcher.realTime();",
                "SlowApi api = SlowApi.start(Delays.uniformMillis(100, 500, 42));",
                "SlowApi api = SlowApi.start(Delays.ofMillis(100, 200), 1);",
                "SlowApi.newBuilder().delays(Delays.ofMillis(5, 10)).failing(1).start();",
                "Compare hundred = Compare.simulated(100, Delays.ofMillis(50, 250));",
                "record Order(int table, String dish, int millis) { }  Thread.sleep(order.millis());",
                "Gather.all(tasks, Options.defaults().timeout(Duration.ofMinutes(1).plusSeconds(30)));",
                "long perSecond = 1000 / Duration.ofMillis(250).toMillis();  int second = first + 1;",
                "System.out.println(\"a second later these had run to their end\");");
        for (String code : realTime) {
            assertEquals(List.of(), timeScaleUses(notebookOf("code", code)), code);
        }
    }

    private static JsonNode notebookOf(String type, String source) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(java.util.Map.of("cells",
                List.of(java.util.Map.of("cell_type", type, "source", List.of(source))))));
    }

    private static final Pattern SCALED_FETCHER = Pattern.compile("Fetcher\\s*\\.\\s*scaled\\s*\\(");
    private static final Pattern TIME_SCALE_NAME = Pattern.compile("\\btimeScale\\b");
    private static final Pattern SCALED_PROSE = Pattern.compile(
            "(?i)simulated\\s+seconds?|time\\s+scale|\\b(?:minute|second)\\b[^.\\n]{0,40}?\\blasts?\\s+[\\d,.]+\\s*(?:ms|milli)");
    /** A count of a made-up unit: {@code unit.multipliedBy(n)}. Real delays are written out in milliseconds. */
    private static final Pattern MULTIPLIED = Pattern.compile("\\.\\s*multipliedBy\\s*\\(");
    /** A variable named as a unit ({@code kitchenMinute}, {@code tickSecond}); methods like {@code ofMinutes} are fine. */
    private static final Pattern UNIT_NAME = Pattern.compile(
            "\\b[a-z][A-Za-z0-9_]*?(?<![Pp]er)(?:Minute|Second)\\b(?!\\s*\\()");

    /** Each place a notebook scales time, or speaks of scaled time, described in a line. */
    static List<String> timeScaleUses(JsonNode notebook) {
        List<String> found = new ArrayList<>();
        List<String> code = cellTexts(notebook, "code");
        for (int i = 0; i < code.size(); i++) {
            String cell = code.get(i);
            String where = "code cell " + (i + 1) + ": ";
            if (SCALED_FETCHER.matcher(cell).find()) {
                found.add(where + "Fetcher.scaled");
            }
            if (TIME_SCALE_NAME.matcher(cell).find()) {
                found.add(where + "a timeScale");
            }
            if (MULTIPLIED.matcher(cell).find()) {
                found.add(where + "a Duration multipliedBy a count of a made-up unit");
            }
            Matcher unit = UNIT_NAME.matcher(cell);
            if (unit.find()) {
                found.add(where + "a unit of its own, " + unit.group());
            }
            found.addAll(scaledCalls(cell, "SlowApi.start(", 2, where));
            found.addAll(scaledCalls(cell, "Compare.simulated(", 3, where));
        }
        List<String> markdown = cellTexts(notebook, "markdown");
        for (int i = 0; i < markdown.size(); i++) {
            Matcher m = SCALED_PROSE.matcher(markdown.get(i));
            if (m.find()) {
                found.add("markdown cell " + (i + 1) + ": \"" + m.group() + "\"");
            }
        }
        return found;
    }

    /** Calls of {@code method} with {@code arity} arguments whose last one, the time scale, is not 1. */
    private static List<String> scaledCalls(String code, String method, int arity, String where) {
        List<String> found = new ArrayList<>();
        for (int at = code.indexOf(method); at >= 0; at = code.indexOf(method, at + 1)) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            StringBuilder arg = new StringBuilder();
            for (int k = at + method.length(); k < code.length(); k++) {
                char c = code.charAt(k);
                if (depth == 0 && (c == ',' || c == ')')) {
                    args.add(arg.toString().strip());
                    arg.setLength(0);
                    if (c == ')') {
                        break;
                    }
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                arg.append(c);
            }
            if (args.size() == arity && !args.get(arity - 1).matches("1(\\.0*)?")) {
                found.add(where + method + "..., " + args.get(arity - 1) + ")");
            }
        }
        return found;
    }

    /** Every exercise cell a student fills in is skipped headless, and a check cell follows it. */
    private static void assertExercisesAreSelfChecking(JsonNode notebook) {
        int stubs = 0;
        int checks = 0;
        for (JsonNode cell : notebook.path("cells")) {
            boolean skipped = cell.path("metadata").path("tags").toString().contains("skip-execution");
            StringBuilder text = new StringBuilder();
            cell.path("source").forEach(line -> text.append(line.asText()));
            if (skipped && text.toString().contains("TODO")) {
                stubs++;
            } else if (skipped && text.toString().contains("Check.")) {
                checks++;
            }
        }
        assertTrue(stubs >= 2 && stubs <= 4, "expected 2 to 4 exercise stubs (skip-execution cells with a TODO), found " + stubs);
        assertTrue(checks >= stubs, "each exercise stub needs a check cell using Check; found " + checks + " for " + stubs);
    }

    private static void assertLinksResolve(Path from, String markdown) {
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            Path target = from.getParent().resolve(m.group(1)).normalize();
            assertTrue(Files.exists(target), "broken link to " + m.group(1));
        }
    }
}
