package io.github.forkscope.junit5;

import io.github.forkscope.ForkscopeMetrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The application's guard-rail counters at one moment, and which codes tripped since: what
 * {@link FailOnGuardTrips} compares between the start and the end of a test's context. Immutable.
 */
final class GuardTrips {

    private final Map<String, Long> counts;

    GuardTrips(ForkscopeMetrics metrics) {
        this.counts = Map.copyOf(Objects.requireNonNull(metrics, "metrics").guardTrips());
    }

    /** The codes whose counters moved since the earlier snapshot, with how often, in code order. */
    Map<String, Long> since(GuardTrips earlier) {
        Map<String, Long> tripped = new LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(code -> {
            long times = counts.get(code) - earlier.counts.get(code);
            if (times > 0) {
                tripped.put(code, times);
            }
        });
        return tripped;
    }
}
