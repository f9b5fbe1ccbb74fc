package arrivals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of workload W(N) by one implementation, as measured inside the process that ran it. A child JVM or
 * the Python script prints it as one JSON line; the parent collects and summarises them.
 *
 * <p>All times are nanoseconds from the moment the run started building its tasks. {@code peakBytes} is how
 * much the process's resident memory grew at its peak during the run (-1 when unknown); {@code stopped} marks
 * a run cut off by its time budget, which then {@code received} fewer than {@code n} results.
 */
record Trial(String impl, int n, long wallNs, long maxDelayNs, long firstNs, long lagP50Ns, long lagP99Ns,
             int received, boolean stopped, long peakBytes, long gcCount, long gcMs) {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Wall time minus the longest delay: what the machinery cost beyond the waiting itself. */
    long overheadNs() {
        return wallNs - maxDelayNs;
    }

    /** Peak memory growth divided by the number of tasks, or -1 when unknown. */
    double peakBytesPerTask() {
        return peakBytes < 0 || n == 0 ? -1 : (double) peakBytes / n;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + this + " as JSON", e);
        }
    }

    /**
     * Reads a trial printed by {@link #toJson()} or by {@code bench/asyncio_bench.py}.
     *
     * @throws IllegalArgumentException if {@code json} is not such a trial
     */
    static Trial fromJson(String json) {
        try {
            return JSON.readValue(json, Trial.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a benchmark trial: " + json, e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }
}
