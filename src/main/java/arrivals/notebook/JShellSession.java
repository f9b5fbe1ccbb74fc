package arrivals.notebook;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One in-process JShell with the engine's execution control, class loader and the start-up
 * imports of a Java kernel: a fresh "kernel" for one notebook.
 *
 * <p>The start-up imports are IJava's ({@code java.util.*}, {@code java.io.*}, {@code java.math.*},
 * {@code java.net.*}, {@code java.util.concurrent.*}, {@code java.util.prefs.*},
 * {@code java.util.regex.*}) plus the display functions. JJava also imports {@code java.time.*};
 * leaving it out means a notebook that runs here runs on both kernels.
 *
 * <p>Snippets compile against the JVM's class path (JShell's default) and load through a
 * {@link ReplClassLoader} whose parent is the engine's loader, so cells see and share the engine's
 * classes. Not thread-safe: one thread evaluates.
 */
final class JShellSession implements AutoCloseable {

    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import static " + NotebookFunctions.class.getName() + ".*;");

    private final JShell shell;
    private final CellExecutionControl control;
    private final ReplClassLoader loader;
    private final Set<Path> classPath = new HashSet<>(jvmClassPath());

    private JShellSession(JShell shell, CellExecutionControl control, ReplClassLoader loader) {
        this.shell = shell;
        this.control = control;
        this.loader = loader;
    }

    /** Creates the JShell and runs the start-up imports. */
    static JShellSession start() {
        ReplClassLoader loader = new ReplClassLoader(JShellSession.class.getClassLoader());
        CellExecutionControl control = new CellExecutionControl(new ReplLoaderDelegate(loader));
        JShell shell = JShell.builder()
                .executionEngine(new CellExecutionControlProvider(control), Map.of())
                .build();
        JShellSession session = new JShellSession(shell, control, loader);
        try {
            engineLocationMissingFromClassPath().ifPresent(session::addToClasspath);
            for (String line : STARTUP_IMPORTS) {
                session.evalStartup(line);
            }
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    CellExecutionControl control() {
        return control;
    }

    List<SnippetEvent> eval(String source) {
        return shell.eval(source);
    }

    /** Diagnostics (errors and warnings) of a snippet, with positions in its source. */
    List<Diag> diagnostics(Snippet snippet) {
        return shell.diagnostics(snippet).toList();
    }

    /** Names a declaration needs that are not defined yet (why it is not usable). */
    List<String> unresolvedDependencies(Snippet snippet) {
        return snippet instanceof DeclarationSnippet declaration
                ? shell.unresolvedDependencies(declaration).toList()
                : List.of();
    }

    /**
     * Adds a jar or class folder for compiling and running later snippets. An entry the session
     * already has is skipped: its classes are visible anyway, and JShell drops its warmed-up
     * compiler on every addition, which would slow down the following cells.
     */
    void addToClasspath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (classPath.add(absolute)) {
            shell.addToClasspath(absolute.toString());
        }
    }

    @Override
    public void close() {
        shell.close();
        try {
            loader.close();
        } catch (IOException e) {
            // Only releases open jar files; nothing to report to the notebook.
        }
    }

    private void evalStartup(String source) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() == null && !event.status().isDefined()) {
                String problems = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(null))
                        .collect(Collectors.joining("; "));
                throw new IllegalStateException("notebook session start-up failed on `" + source + "`: " + problems);
            }
        }
    }

    /**
     * JShell compiles against {@code java.class.path}. When the engine itself was loaded from
     * elsewhere (an IDE, a plugin class loader) the display functions would not compile, so their
     * jar or folder is added.
     */
    private static Optional<Path> engineLocationMissingFromClassPath() {
        CodeSource source = JShellSession.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path engine = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return jvmClassPath().contains(engine) ? Optional.empty() : Optional.of(engine);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<Path> jvmClassPath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .toList();
    }
}
