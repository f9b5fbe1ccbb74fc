package arrivals.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness behind the exercises' wrong-answer tests must tell a rejected answer from one that slipped by. */
class WrongAnswersTest {
    private static final String FIXTURE = "src/test/resources/notebooks/exercise.ipynb";

    @Test
    void eachVerdictSaysWhatTheCheckDid() throws Exception {
        Map<String, String> verdicts = WrongAnswers.in(FIXTURE)
                .wrong("return 2 * x", "triples", "int twice(int x) {\n    return 3 * x;\n}")
                .wrong("return 2 * x", "right by another route", "int twice(int x) {\n    return x + x;\n}")
                .wrong("return 2 * x", "stub", "int twice(int x) {\n    throw Check.todo();\n}")
                .wrong("\"hello \"", "rude", "String greet(String name) {\n    return \"go away\";\n}")
                .run();
        assertEquals("✗ twice(3) is 6: expected 6 but got 9", verdicts.get("triples"));
        assertEquals("passed", verdicts.get("right by another route"));
        assertEquals("✗ not done yet: replace the TODO in the cell above", verdicts.get("stub"));
        // The real solution ran after the probes, so the second exercise saw the right twice() and its own probe.
        assertEquals("✗ greet says hello: expected hello Ada but got go away", verdicts.get("rude"));
    }

    @Test
    void aWrongAnswerThatDoesNotRunIsNotARejection() throws Exception {
        Map<String, String> verdicts = WrongAnswers.in(FIXTURE)
                .wrong("return 2 * x", "does not compile", "int twice(int x) {\n    return \"x\";\n}")
                .wrong("\"hello \"", "after it", "String greet(String name) {\n    return \"go away\";\n}")
                .run();
        assertTrue(verdicts.get("does not compile").startsWith("the wrong answer itself failed: CompilationException"),
                verdicts.get("does not compile"));
        assertTrue(verdicts.get("after it").startsWith("not run: an earlier cell failed (cell "), verdicts.get("after it"));
    }

    @Test
    void twoWrongAnswersWithOneLabelAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> WrongAnswers.in(FIXTURE)
                .wrong("return 2 * x", "same", "int twice(int x) {\n    return 3 * x;\n}")
                .wrong("return 2 * x", "same", "int twice(int x) {\n    return 4 * x;\n}"));
    }

    @Test
    void aMarkerNoCellContainsIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> WrongAnswers.in(FIXTURE).wrong("no such text", "x", "int y = 1;").run());
    }
}
