package arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The one jar a notebook loads must hold the library and everything it needs. Runs after {@code package}. */
class ShadedJarIT {
    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "arrivals.jar");

    @Test
    void holdsTheLibraryTablesawAndXChart() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run `mvn package` first: no " + JAR.toAbsolutePath());
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String entry : List.of(
                    "arrivals/Gather.class", "arrivals/AsCompleted.class",
                    "arrivals/record/Recorder.class", "arrivals/chart/ArrivalChart.class",
                    "arrivals/simulate/Fetcher.class", "arrivals/http/SlowApi.class", "arrivals/compare/Compare.class",
                    "tech/tablesaw/api/Table.class", "org/knowm/xchart/XYChart.class",
                    "org/knowm/xchart/BitmapEncoder.class")) {
                assertNotNull(jar.getEntry(entry), "missing from the shaded jar: " + entry);
            }
        }
    }

    @Test
    void isSelfContained() throws Exception {
        System.setProperty("java.awt.headless", "true");
        // Load from the jar alone (the platform class loader as parent, no Maven classpath) and use it.
        try (URLClassLoader alone = new URLClassLoader(new URL[] {JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> table = Class.forName("tech.tablesaw.api.Table", true, alone);
            Object empty = table.getMethod("create", String.class).invoke(null, "check");
            assertEquals(0, table.getMethod("rowCount").invoke(empty));

            Class<?> recorder = Class.forName("arrivals.record.Recorder", true, alone);
            Object rows = recorder.getMethod("table").invoke(recorder.getConstructor().newInstance());
            Class<?> arrivalChart = Class.forName("arrivals.chart.ArrivalChart", true, alone);
            Object chart = arrivalChart.getMethod("of", table).invoke(null, rows);
            Method image = arrivalChart.getMethod("image");
            java.awt.image.BufferedImage picture = (java.awt.image.BufferedImage) image.invoke(chart);
            assertEquals(800, picture.getWidth());
        }
    }
}
