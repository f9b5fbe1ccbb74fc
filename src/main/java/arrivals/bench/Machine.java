package arrivals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Facts about the machine a benchmark ran on, for the report's header: cores, CPU, memory, operating system,
 * Java runtime and the load average (other programs sharing the cores make absolute figures noisy, which is
 * why the report leans on ratios within one run).
 */
record Machine(int cores, String cpu, String memory, String os, String java) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")");
    }

    /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.get(0).split("\\s+");
        return parts.length >= 3 ? parts[0] + ", " + parts[1] + ", " + parts[2] : "unknown";
    }

    private static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static String totalMemory() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                return Format.size(kb * 1024.0);
            }
        }
        return "unknown";
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException | RuntimeException e) {
            return List.of(); // not Linux: the report says "unknown"
        }
    }
}
