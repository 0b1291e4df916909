package io.github.forkscope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forkscope's counters since the application started: contexts, forks, global-context violations,
 * guard trips and the largest identity map seen. Read them in code through
 * {@link Forkscope#metrics()}, or over JMX, where the same names are the attributes of the MBean
 * {@code io.github.forkscope:type=Forkscope,name=<application>}. Every getter is thread-safe and
 * cheap; values are read one at a time, so a set of them is not one atomic snapshot.
 *
 * <pre>{@code
 * ForkscopeMetrics metrics = Forkscope.metrics();
 * if (metrics.getContextsActive() > 1000) {
 *     log.warn("contexts are piling up: {}", metrics.getContextsActive());
 * }
 * }</pre>
 */
public interface ForkscopeMetrics {

    /** @return contexts opened (CDI request contexts that used Forkscope, CREATE frames, resumed ones excluded) */
    long getContextsOpened();

    /** @return contexts closed */
    long getContextsClosed();

    /** @return contexts open now: opened minus closed */
    long getContextsActive();

    /** @return forks (EntityManagers) created */
    long getForksCreated();

    /** @return context-specific calls made outside any context ({@code FORKSCOPE-001}) */
    long getGlobalContextViolations();

    /** @return calls refused because another thread was inside a call on the same fork ({@code FORKSCOPE-101}) */
    long getConcurrentUseTrips();

    /** @return calls refused because the fork's context had ended ({@code FORKSCOPE-102}) */
    long getUseAfterCloseTrips();

    /** @return calls refused because the entity belongs to another live context ({@code FORKSCOPE-103}) */
    long getForkMixingTrips();

    /** @return flushes made while another live context on the thread had unflushed changes ({@code FORKSCOPE-104}) */
    long getForeignChangesWarnings();

    /** @return contexts that ended with unflushed changes, which were discarded ({@code FORKSCOPE-105}) */
    long getDiscardedChangesWarnings();

    /** @return forks whose identity map crossed {@code forkscope.max-managed-entities} ({@code FORKSCOPE-106}) */
    long getIdentityMapWarnings();

    /** @return transactions that were about to commit changes made before they began ({@code FORKSCOPE-107}) */
    long getGhostFlushWarnings();

    /** @return entities changed after a rollback had detached them, whose change nothing saves ({@code FORKSCOPE-108}) */
    long getRollbackDetachedWarnings();

    /** @return forks whose changes were thrown away with a transaction marked for rollback before they joined it ({@code FORKSCOPE-109}) */
    long getDoomedChangesWarnings();

    /** @return the largest number of managed entities seen in one fork */
    long getLargestIdentityMap();

    /**
     * How often each guard rail tripped, by its code: {@code FORKSCOPE-001} (global-context
     * violations), {@code 101} to {@code 103} (the errors), {@code 104} to {@code 109} (the
     * warnings), in code order. Over JMX this is an operation, not an attribute.
     *
     * <pre>{@code
     * Forkscope.metrics().guardTrips().forEach((code, times) -> System.out.println(code + ": " + times));
     * }</pre>
     *
     * @return a snapshot, code to count
     */
    default Map<String, Long> guardTrips() {
        Map<String, Long> trips = new LinkedHashMap<>();
        trips.put("FORKSCOPE-001", getGlobalContextViolations());
        trips.put("FORKSCOPE-101", getConcurrentUseTrips());
        trips.put("FORKSCOPE-102", getUseAfterCloseTrips());
        trips.put("FORKSCOPE-103", getForkMixingTrips());
        trips.put("FORKSCOPE-104", getForeignChangesWarnings());
        trips.put("FORKSCOPE-105", getDiscardedChangesWarnings());
        trips.put("FORKSCOPE-106", getIdentityMapWarnings());
        trips.put("FORKSCOPE-107", getGhostFlushWarnings());
        trips.put("FORKSCOPE-108", getRollbackDetachedWarnings());
        trips.put("FORKSCOPE-109", getDoomedChangesWarnings());
        return trips;
    }
}
