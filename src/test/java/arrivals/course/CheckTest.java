package arrivals.course;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPassingCheckPrintsATick() {
        assertDoesNotThrow(() -> Check.equal("order kept", List.of(1, 2), List.of(1, 2)));
        assertEquals("✓ order kept" + System.lineSeparator(), printed());
    }

    @Test
    void aFailingCheckSaysWhatWasExpectedAndThrows() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Check.equal("order kept", List.of(1, 2), List.of(2, 1)));
        assertEquals("✗ order kept: expected [1, 2] but got [2, 1]", e.getMessage());
        assertEquals("", printed(), "the failure line is the exception's message, not printed twice");
    }

    @Test
    void aFailingConditionShowsTheHint() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.that("fast enough", false, "took 900 ms"));
        assertEquals("✗ fast enough: took 900 ms", e.getMessage());
    }

    @Test
    void aFailureHasNoStackFramesToBuryTheLine() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.that("fast enough", false, "slow"));
        assertEquals(0, e.getStackTrace().length);
    }

    @Test
    void anUnansweredExerciseSaysItIsNotDone() {
        AssertionError e = assertThrows(AssertionError.class, () -> Check.answered(null));
        assertEquals("✗ not done yet: replace the TODO in the cell above", e.getMessage());
        assertEquals("x", Check.answered("x"));
        assertEquals(e.getMessage(), Check.todo().getMessage());
    }

    @Test
    void anAnswerThatThrowsIsOneLineNamingTheException() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Check.call("whoFailed", () -> { throw new IllegalStateException("boom\nsecond line"); }));
        assertEquals("✗ whoFailed threw IllegalStateException: boom", e.getMessage());
        assertEquals(0, e.getStackTrace().length);
        AssertionError stub = assertThrows(AssertionError.class, () -> Check.call("x", () -> { throw Check.todo(); }));
        assertEquals(Check.NOT_DONE, stub.getMessage());
        assertEquals(Check.NOT_DONE, assertThrows(AssertionError.class, () -> Check.call("x", () -> null)).getMessage());
        assertEquals(42, Check.call("x", () -> 42));
    }
}
