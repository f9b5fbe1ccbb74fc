package arrivals.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs a cell's magic lines. Only {@code %classpath} is supported: the headless engine cannot
 * download dependencies, so {@code %maven} and friends fail with a message saying what to use.
 */
final class Magics {

    private Magics() {
    }

    /** Runs the magic; returns the error to report, or null when it worked. */
    static CellError run(CellSplitter.Magic magic, JShellSession session, Path notebookFolder, SourceLines lines) {
        if (magic.cellMagic()) {
            return CellErrors.magic(CellErrors.UNSUPPORTED_MAGIC, "%%" + magic.name()
                    + " is not supported by the headless engine: no cell magics are; write the cell in Java",
                    magic.line(), lines);
        }
        if (magic.name().equals("classpath")) {
            try {
                List<Path> paths = ClasspathMagic.resolve(magic.arguments(), notebookFolder);
                paths.forEach(session::addToClasspath);
                return null;
            } catch (IllegalArgumentException e) {
                return CellErrors.magic(CellErrors.CLASSPATH, e.getMessage(), magic.line(), lines);
            }
        }
        return CellErrors.magic(CellErrors.UNSUPPORTED_MAGIC, unsupported(magic.name()), magic.line(), lines);
    }

    private static String unsupported(String name) {
        String instead = "build the jar with `mvn package` and use %classpath ../target/arrivals.jar "
                + "(relative to the notebook's folder)";
        return switch (name) {
            case "maven", "addMavenDependency", "addMavenDependencies", "loadFromPOM", "mavenRepo" ->
                    "%" + name + " is not supported by the headless engine (it does not download dependencies); "
                            + instead;
            case "jars" -> "%jars is not supported (IJava deprecated it and JJava removed it); " + instead;
            case "load" -> "%load is not supported (JJava only); put shared code in the library and " + instead;
            default -> "%" + name + " is not supported by the headless engine; the only magic it runs is %classpath";
        };
    }
}
