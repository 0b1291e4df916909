package io.github.forkscope.cdi;

import java.util.Map;

/**
 * Catches the fork-mixing trap: an entity of one live context handed to another context's fork,
 * where changes to it are silently not saved. The other live persistence contexts a thread can
 * hold entities of are its context's forks of other sections (suspended transactions), the outer contexts a
 * CREATE context suspended, and the global context; those are the ones checked, through the
 * provider's own persistence context (never {@code contains}, which may join a transaction). The
 * cost is one identity-map look-up per other fork, and nothing on a call whose entity the fork
 * already manages. Stateless and thread-safe.
 */
final class ForkMixingGuard {

    private static final System.Logger LOG = System.getLogger(ForkMixingGuard.class.getName());

    private ForkMixingGuard() {
    }

    /** Fails with {@code FORKSCOPE-103} when another live context on the thread manages the entity. */
    static void check(Fork fork, Object entity, String method) {
        if (!fork.guards().forkMixing || entity == null || fork.manages(entity)) {
            return;
        }
        Fork owner = otherOwner(fork, entity);
        if (owner != null) {
            fork.guards().metrics.forkMixingTrips.increment();
            throw Messages.forkMixing(method, entity.getClass().getSimpleName(),
                    owner.description(), fork.description());
        }
    }

    /** Logs {@code FORKSCOPE-104} when a flush leaves another live context's changes unsaved. */
    static void warnForeignChanges(Fork fork) {
        if (!fork.guards().forkMixing) {
            return;
        }
        for (Context context = fork.context().outer(); context != null; context = context.outer()) {
            warnIfChanged(fork, context.existingFork(fork.unit()));
        }
        warnIfChanged(fork, fork.guards().global.existingFork(fork.unit()));
    }

    private static Fork otherOwner(Fork fork, Object entity) {
        for (Fork other : fork.context().forks()) {
            if (other != fork && other.unit() == fork.unit() && manages(other, entity)) {
                return other;
            }
        }
        for (Context context = fork.context().outer(); context != null; context = context.outer()) {
            Fork other = context.existingFork(fork.unit());
            if (manages(other, entity)) {
                return other;
            }
        }
        Fork global = fork.guards().global.existingFork(fork.unit());
        return global != fork && manages(global, entity) ? global : null;
    }

    private static boolean manages(Fork other, Object entity) {
        if (other == null || !other.tryEnter()) {
            return false;
        }
        try {
            return other.manages(entity);
        } finally {
            other.exit();
        }
    }

    private static void warnIfChanged(Fork fork, Fork other) {
        if (other == null || other == fork || !other.tryEnter()) {
            return;
        }
        try {
            Map<String, Integer> changes = other.pendingChanges();
            if (!changes.isEmpty()) {
                fork.guards().metrics.foreignChangesWarnings.increment();
                LOG.log(System.Logger.Level.WARNING, Messages.foreignChanges(fork.context().origin(), changes,
                        other.context().origin()));
            }
        } finally {
            other.exit();
        }
    }
}
