package arrivals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists live threads through the JVM's own thread dump. Unlike {@code Thread.getAllStackTraces()}, the dump
 * includes virtual threads, so a leak check doesn't depend on the library's own bookkeeping.
 */
final class ThreadDump {
    private ThreadDump() {
    }

    static List<String> liveThreadNames() {
        try {
            Path dir = Files.createTempDirectory("arrivals-threads");
            Path file = dir.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                JsonNode root = new ObjectMapper().readTree(file.toFile());
                List<String> names = new ArrayList<>();
                for (JsonNode container : root.path("threadDump").path("threadContainers")) {
                    for (JsonNode thread : container.path("threads")) {
                        names.add(thread.path("name").asText());
                    }
                }
                if (names.isEmpty()) {
                    throw new IllegalStateException("thread dump had no threads; has its format changed?");
                }
                return names;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
