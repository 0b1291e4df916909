package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeMetrics;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's counters, kept in striped adders so that counting costs the hot path next to
 * nothing even under contention. Thread-safe.
 */
final class Metrics implements ForkscopeMetrics {

    final LongAdder contextsOpened = new LongAdder();
    final LongAdder contextsClosed = new LongAdder();
    final LongAdder forksCreated = new LongAdder();
    final LongAdder globalContextViolations = new LongAdder();
    final LongAdder concurrentUseTrips = new LongAdder();
    final LongAdder useAfterCloseTrips = new LongAdder();
    final LongAdder forkMixingTrips = new LongAdder();
    final LongAdder foreignChangesWarnings = new LongAdder();
    final LongAdder discardedChangesWarnings = new LongAdder();
    final LongAdder identityMapWarnings = new LongAdder();
    final LongAdder ghostFlushWarnings = new LongAdder();
    final LongAdder rollbackDetachedWarnings = new LongAdder();
    final LongAdder doomedChangesWarnings = new LongAdder();
    final LongAccumulator largestIdentityMap = new LongAccumulator(Math::max, 0);

    @Override
    public long getContextsOpened() {
        return contextsOpened.sum();
    }

    @Override
    public long getContextsClosed() {
        return contextsClosed.sum();
    }

    @Override
    public long getContextsActive() {
        return contextsOpened.sum() - contextsClosed.sum();
    }

    @Override
    public long getForksCreated() {
        return forksCreated.sum();
    }

    @Override
    public long getGlobalContextViolations() {
        return globalContextViolations.sum();
    }

    @Override
    public long getConcurrentUseTrips() {
        return concurrentUseTrips.sum();
    }

    @Override
    public long getUseAfterCloseTrips() {
        return useAfterCloseTrips.sum();
    }

    @Override
    public long getForkMixingTrips() {
        return forkMixingTrips.sum();
    }

    @Override
    public long getForeignChangesWarnings() {
        return foreignChangesWarnings.sum();
    }

    @Override
    public long getDiscardedChangesWarnings() {
        return discardedChangesWarnings.sum();
    }

    @Override
    public long getIdentityMapWarnings() {
        return identityMapWarnings.sum();
    }

    @Override
    public long getGhostFlushWarnings() {
        return ghostFlushWarnings.sum();
    }

    @Override
    public long getRollbackDetachedWarnings() {
        return rollbackDetachedWarnings.sum();
    }

    @Override
    public long getDoomedChangesWarnings() {
        return doomedChangesWarnings.sum();
    }

    @Override
    public long getLargestIdentityMap() {
        return largestIdentityMap.get();
    }
}
