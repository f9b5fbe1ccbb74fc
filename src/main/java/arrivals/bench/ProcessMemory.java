package arrivals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory, read from Linux's {@code /proc/self}: the current size and the peak since
 * the last {@link #resetPeak()}.
 *
 * <pre>{@code
 * ProcessMemory.resetPeak();
 * long before = ProcessMemory.residentBytes();
 * runWorkload();
 * long grew = ProcessMemory.peakResidentBytes() - before;
 * }</pre>
 *
 * <p>Resident memory is what the operating system charges the process, so the figure compares a JVM and a
 * Python interpreter on the same footing. Elsewhere than Linux every method returns -1 (unknown).
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** Current resident set size in bytes, or -1 if unknown. */
    static long residentBytes() {
        return statusKilobytes("VmRSS:");
    }

    /** Peak resident set size in bytes since the process started or {@link #resetPeak()} ran, or -1. */
    static long peakResidentBytes() {
        return statusKilobytes("VmHWM:");
    }

    /**
     * Resets the peak to the current size (Linux 4.0+), so a measurement excludes the warm-up before it.
     *
     * @return whether the reset worked
     */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static long statusKilobytes(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    String digits = line.substring(key.length()).trim().split("\\s+")[0];
                    return Long.parseLong(digits) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: report unknown rather than fail the benchmark
        }
        return -1;
    }
}
