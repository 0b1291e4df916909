package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeConfig;

import java.util.List;
import java.util.Objects;

/**
 * The guard-rail settings of the application, its counters, and its global context: what every
 * fork consults on each call. The settings are read when it is made, before any unit starts, so
 * that a bad one fails the deployment with nothing to release; the global context is added once
 * the units have started, before the guards are published. Thread-safe after that.
 */
final class Guards {

    final Metrics metrics;
    final boolean threads;
    final boolean forkMixing;
    final boolean discardedChanges;
    final long maxManagedEntities;
    final GhostFlushGuard.Mode ghostFlush;
    private final boolean globalContextAllowed;
    GlobalContext global;

    /** @throws IllegalArgumentException {@code FORKSCOPE-009} for a value that cannot be read */
    Guards(Settings settings, Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.threads = settings.flag(ForkscopeConfig.GUARD_THREADS, true);
        this.forkMixing = settings.flag(ForkscopeConfig.GUARD_FORK_MIXING, true);
        this.discardedChanges = settings.flag(ForkscopeConfig.GUARD_DISCARDED_CHANGES, true);
        this.maxManagedEntities = settings.number(ForkscopeConfig.MAX_MANAGED_ENTITIES, 10_000);
        this.ghostFlush = GhostFlushGuard.Mode.of(settings);
        this.globalContextAllowed = settings.flag(ForkscopeConfig.ALLOW_GLOBAL_CONTEXT, false);
    }

    /** Adds the global context of the started units; once, before the guards are used. */
    Guards start(List<ManagedUnit> units) {
        global = new GlobalContext(globalContextAllowed, units, this);
        return this;
    }
}
