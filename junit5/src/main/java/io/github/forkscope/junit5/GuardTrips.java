package io.github.forkscope.junit5;

import io.github.forkscope.ForkscopeMetrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The application's guard-rail counters at one moment, and which codes tripped since: what
 * {@link FailOnGuardTrips} compares between the start and the end of a test's context. Immutable.
 */
final class GuardTrips {

    private static final Map<String, ToLongFunction<ForkscopeMetrics>> COUNTERS = new LinkedHashMap<>();

    static {
        COUNTERS.put("FORKSCOPE-001", ForkscopeMetrics::getGlobalContextViolations);
        COUNTERS.put("FORKSCOPE-101", ForkscopeMetrics::getConcurrentUseTrips);
        COUNTERS.put("FORKSCOPE-102", ForkscopeMetrics::getUseAfterCloseTrips);
        COUNTERS.put("FORKSCOPE-103", ForkscopeMetrics::getForkMixingTrips);
        COUNTERS.put("FORKSCOPE-104", ForkscopeMetrics::getForeignChangesWarnings);
        COUNTERS.put("FORKSCOPE-105", ForkscopeMetrics::getDiscardedChangesWarnings);
        COUNTERS.put("FORKSCOPE-106", ForkscopeMetrics::getIdentityMapWarnings);
        COUNTERS.put("FORKSCOPE-107", ForkscopeMetrics::getGhostFlushWarnings);
    }

    private final Map<String, Long> counts = new LinkedHashMap<>();

    GuardTrips(ForkscopeMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        COUNTERS.forEach((code, counter) -> counts.put(code, counter.applyAsLong(metrics)));
    }

    /** The codes whose counters moved since this snapshot, with how often, in code order. */
    Map<String, Long> since(GuardTrips earlier) {
        Map<String, Long> tripped = new LinkedHashMap<>();
        counts.forEach((code, now) -> {
            long times = now - earlier.counts.get(code);
            if (times > 0) {
                tripped.put(code, times);
            }
        });
        return tripped;
    }
}
