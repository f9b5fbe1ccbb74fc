package arrivals.notebook;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one notebook session: it defines the classes JShell compiles from cells and
 * loads the jars added with {@code %classpath}.
 *
 * <p>It delegates to the engine's own class loader first. That is the point: a class that is on the
 * engine's class path (the {@code arrivals} library, Tablesaw, XChart, the engine's display
 * functions) is loaded once, by the engine's loader, so cell code and the engine share its static
 * state even when a notebook also adds the same jar with {@code %classpath}.
 */
final class ReplClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

    ReplClassLoader(ClassLoader parent) {
        super("notebook-session", new URL[0], parent);
    }

    /** Remembers the bytecode of a class compiled by JShell; it is defined on first load. */
    void declare(String binaryName, byte[] bytecode) {
        snippetClasses.put(binaryName, bytecode);
    }

    /** Adds a jar or class folder, searched after the engine's class path. */
    void addPath(Path path) {
        try {
            addURL(path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot use " + path + " as a class path entry", e);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytecode = snippetClasses.get(name);
        if (bytecode != null) {
            return defineClass(name, bytecode, 0, bytecode.length);
        }
        return super.findClass(name);
    }
}
