package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeConfig;

import java.util.List;
import java.util.Objects;

/**
 * The guard-rail settings of the application, its counters, and its global context: what every
 * fork consults on each call. Immutable after construction and thread-safe.
 */
final class Guards {

    final Metrics metrics;
    final boolean threads;
    final boolean forkMixing;
    final boolean discardedChanges;
    final long maxManagedEntities;
    final GhostFlushGuard.Mode ghostFlush;
    final GlobalContext global;

    Guards(Settings settings, Metrics metrics, List<ManagedUnit> units) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.threads = settings.flag(ForkscopeConfig.GUARD_THREADS, true);
        this.forkMixing = settings.flag(ForkscopeConfig.GUARD_FORK_MIXING, true);
        this.discardedChanges = settings.flag(ForkscopeConfig.GUARD_DISCARDED_CHANGES, true);
        this.maxManagedEntities = settings.number(ForkscopeConfig.MAX_MANAGED_ENTITIES, 10_000);
        this.ghostFlush = GhostFlushGuard.Mode.of(settings);
        this.global = new GlobalContext(settings.flag(ForkscopeConfig.ALLOW_GLOBAL_CONTEXT, false), units, this);
    }
}
