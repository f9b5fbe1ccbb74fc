package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting cells into magic lines and code, keeping offsets. */
class CellSplitterTest {

    @Test
    void magicLinesSplitTheCodeAndKeepOffsets() {
        String cell = "%classpath ../target/arrivals.jar\nimport arrivals.*;\n  %maven a:b:1\nint x = 1;\n";
        List<CellSplitter.Part> parts = CellSplitter.parts(cell);

        assertEquals(List.of(
                new CellSplitter.Magic("classpath", "../target/arrivals.jar", false, 1),
                new CellSplitter.Code("import arrivals.*;\n", cell.indexOf("import")),
                new CellSplitter.Magic("maven", "a:b:1", false, 3),
                new CellSplitter.Code("int x = 1;\n", cell.indexOf("int x"))), parts);
    }

    @Test
    void cellMagicIsRecognised() {
        assertEquals(List.of(new CellSplitter.Magic("bash", "", true, 1), new CellSplitter.Code("echo hi", 7)),
                CellSplitter.parts("%%bash\necho hi"));
    }

    @Test
    void codeWithoutMagicsIsOnePart() {
        assertEquals(List.of(new CellSplitter.Code("a();\nb();", 0)), CellSplitter.parts("a();\nb();"));
        assertEquals(List.of(), CellSplitter.parts("  \n"));
    }

    @Test
    void sourceLinesMapOffsets() {
        SourceLines lines = new SourceLines("ab\ncd\r\n\nef");
        assertEquals(1, lines.lineOf(0));
        assertEquals(2, lines.lineOf(3));
        assertEquals(1, lines.columnOf(4));
        assertEquals("cd", lines.line(2));
        assertEquals("", lines.line(3));
        assertEquals("ef", lines.line(4));
        assertEquals(4, lines.lineOf(100));
    }
}
