package mrs.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;

/**
 * The buffering every ordered stage shares: inputs are kept in a {@link MapState} under keys that start
 * with their event time as 20 zero-padded digits, and applied in key order once the watermark passes
 * them. This makes a stage's output independent of how its inputs interleaved and how far the
 * watermark lagged.
 */
final class EventTimeBuffer {
    private EventTimeBuffer() {}

    /** The key prefix for an input at {@code timestamp}. */
    static String key(long timestamp) {
        return String.format("%020d", timestamp);
    }

    /** The event time a buffer key starts with. */
    static long timeOf(String key) {
        return Long.parseLong(key.substring(0, 20));
    }

    /** The keys due at {@code timestamp}, in application order. */
    static List<String> due(MapState<String, ?> pending, long timestamp) throws Exception {
        List<String> due = new ArrayList<>();
        for (String k : pending.keys()) {
            if (timeOf(k) <= timestamp) {
                due.add(k);
            }
        }
        due.sort(String::compareTo);
        return due;
    }
}
