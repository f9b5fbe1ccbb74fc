package arrivals.notebook;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each snippet of a session came from (cell and first line), so stack frames, which JShell
 * reports as {@code #<snippet id>:<line in snippet>}, can name cell lines, also for methods
 * defined in an earlier cell.
 */
final class SnippetLocations {

    /** A snippet's cell and the cell line its first line is on. */
    record Location(int cellNumber, SourceLines cellLines, int firstLine) {

        /** The cell line of the snippet's 1-based {@code snippetLine}. */
        int cellLine(int snippetLine) {
            return firstLine + snippetLine - 1;
        }
    }

    private final Map<String, Location> byId = new HashMap<>();

    void add(String snippetId, int cellNumber, SourceLines cellLines, int offset) {
        byId.put(snippetId, new Location(cellNumber, cellLines, cellLines.lineOf(offset)));
    }

    /** The location of a stack frame's file name {@code #id}, if it is a known snippet. */
    Optional<Location> ofFrameFile(String fileName) {
        if (fileName == null || !fileName.startsWith("#")) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(fileName.substring(1)));
    }
}
