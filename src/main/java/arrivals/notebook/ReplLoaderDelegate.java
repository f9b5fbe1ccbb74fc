package arrivals.notebook;

import java.io.File;
import java.nio.file.Path;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/**
 * Connects JShell's execution engine to a {@link ReplClassLoader}: JShell hands over compiled
 * snippet classes and class path additions here, and looks classes up by name.
 */
final class ReplLoaderDelegate implements LoaderDelegate {

    private final ReplClassLoader loader;

    ReplLoaderDelegate(ReplClassLoader loader) {
        this.loader = loader;
    }

    ReplClassLoader loader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        for (ClassBytecodes cbc : classes) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
        try {
            for (int i = 0; i < classes.length; i++) {
                // Defining eagerly reports a bad class now, against the snippet that produced it.
                Class.forName(classes[i].name(), false, loader);
                installed[i] = true;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClassInstallException("cannot load a class compiled from the cell: " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes cbc : classes) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                loader.addPath(Path.of(entry));
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }
}
