package arrivals.notebook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the arguments of {@code %classpath} the way JJava does: one or more paths, separated
 * by spaces or the platform's path separator, each a file, a folder or a glob such as
 * {@code lib/*.jar}, relative to the notebook's folder.
 *
 * <pre>{@code
 * List<Path> jars = ClasspathMagic.resolve("../target/arrivals.jar lib/*.jar", notebookFolder);
 * }</pre>
 *
 * <p>A path that does not exist, or a glob that matches nothing, is an
 * {@link IllegalArgumentException} saying what was looked for and where.
 */
final class ClasspathMagic {

    private ClasspathMagic() {
    }

    static List<Path> resolve(String arguments, Path baseFolder) {
        List<String> entries = entries(arguments);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("%classpath needs a path, e.g. %classpath ../target/arrivals.jar");
        }
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) {
            paths.addAll(isGlob(entry) ? glob(entry, baseFolder) : List.of(existing(entry, baseFolder)));
        }
        return paths;
    }

    private static List<String> entries(String arguments) {
        List<String> entries = new ArrayList<>();
        for (String token : tokens(arguments)) {
            for (String entry : token.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** Splits on whitespace, keeping quoted parts ("my libs/x.jar") together. */
    private static List<String> tokens(String arguments) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : arguments.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static boolean isGlob(String entry) {
        return entry.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static Path existing(String entry, Path baseFolder) {
        Path path = baseFolder.resolve(entry).normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("%classpath: " + entry + " does not exist (looked for " + path
                    + ", relative to the notebook's folder)");
        }
        return path;
    }

    private static List<Path> glob(String entry, Path baseFolder) {
        // The folders before the first segment with a wildcard are fixed; the rest is matched.
        String[] segments = entry.replace('\\', '/').split("/");
        int firstWild = 0;
        while (!isGlob(segments[firstWild])) {
            firstWild++;
        }
        Path root = baseFolder.resolve(String.join("/", List.of(segments).subList(0, firstWild))).normalize();
        String pattern = String.join("/", List.of(segments).subList(firstWild, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : segments.length - firstWild;
        List<Path> matches = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root, depth)) {
                walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p)))
                        .sorted()
                        .forEach(matches::add);
            } catch (IOException e) {
                throw new UncheckedIOException("%classpath: cannot list " + root, e);
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("%classpath: " + entry + " matches no file (looked in " + root
                    + ", relative to the notebook's folder)");
        }
        return matches;
    }
}
