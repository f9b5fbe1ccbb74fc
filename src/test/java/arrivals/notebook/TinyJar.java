package arrivals.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one small class with javac and packs it into a jar, for %classpath tests. */
final class TinyJar {

    private TinyJar() {
    }

    /** Builds {@code jar} holding {@code demo.Greeter} with {@code static String greet(String)}. */
    static Path greeter(Path work, Path jar) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/demo"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path source = sources.resolve("Greeter.java");
        Files.writeString(source, """
                package demo;
                public final class Greeter {
                    public static String greet(String name) {
                        return "hello " + name;
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), source.toString());
        assertTrue(status == 0, "javac failed");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
