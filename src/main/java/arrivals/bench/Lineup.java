package arrivals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every implementation the benchmark measures, in the order the report lists them, with what each is compared
 * against: as-completed designs against {@code asyncio.as_completed}, gather designs against
 * {@code asyncio.gather}.
 */
final class Lineup {
    static final String ASYNCIO_AS_COMPLETED = "asyncio-as_completed";
    static final String ASYNCIO_GATHER = "asyncio-gather";

    /** One implementation: its id in the tables, what it is, and whether the Python script runs it. */
    record Entry(String id, String label, boolean python, boolean arrivals, boolean gather) {
        /** The asyncio implementation this one's ratios are taken against. */
        String reference() {
            return gather ? ASYNCIO_GATHER : ASYNCIO_AS_COMPLETED;
        }

        /** The name the Python script knows it by ({@code as_completed}, {@code gather}). */
        String pythonName() {
            return id.substring("asyncio-".length());
        }

        Optional<JavaImpl> java() {
            return python ? Optional.empty() : Optional.of(JavaImpl.byId(id));
        }
    }

    static final List<Entry> ALL = List.of(
            new Entry(ASYNCIO_AS_COMPLETED, "Python asyncio.as_completed (asyncio.sleep)", true, false, false),
            new Entry(ASYNCIO_GATHER, "Python asyncio.gather (asyncio.sleep)", true, false, true),
            java(JavaImpl.AS_COMPLETED_TIMERS, true, false),
            java(JavaImpl.AS_COMPLETED_THREADS, true, false),
            java(JavaImpl.GATHER_ALL, true, true),
            java(JavaImpl.FUTURES_QUEUE, false, false),
            java(JavaImpl.COMPLETION_SERVICE, false, false),
            java(JavaImpl.ANY_OF_LOOP, false, false));

    private Lineup() {
    }

    private static Entry java(JavaImpl impl, boolean arrivals, boolean gather) {
        return new Entry(impl.id, impl.label, false, arrivals, gather);
    }

    static Entry byId(String id) {
        for (Entry entry : ALL) {
            if (entry.id().equals(id)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + id + "'; known: " + ids(ALL));
    }

    /**
     * The entries named in {@code ids}, in lineup order.
     *
     * @throws IllegalArgumentException naming the known ids if one of {@code ids} is unknown
     */
    static List<Entry> select(List<String> ids) {
        for (String id : ids) {
            byId(id);
        }
        List<Entry> chosen = new ArrayList<>();
        for (Entry entry : ALL) {
            if (ids.contains(entry.id())) {
                chosen.add(entry);
            }
        }
        return chosen;
    }

    static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }
}
