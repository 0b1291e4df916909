package io.github.forkscope.cdi;

import java.util.Map;

/**
 * The discarded-changes guard (SPEC 6.4): closing a fork never flushes, so changes that no flush
 * or commit saved are lost when its context ends. At the close of a fork that manages entities
 * and left no JTA transaction to decide their fate, the provider's own change tracking is read,
 * without a flush, and what it holds is reported with {@code FORKSCOPE-105}. Stateless and
 * thread-safe.
 */
final class DiscardedChangesGuard {

    private static final System.Logger LOG = System.getLogger(DiscardedChangesGuard.class.getName());

    private DiscardedChangesGuard() {
    }

    /** Warns when the closing fork holds changes that will be discarded. */
    static void check(Fork fork) {
        if (!fork.guards().discardedChanges) {
            return;
        }
        Map<String, Integer> changes = fork.pendingChanges();
        if (!changes.isEmpty()) {
            fork.guards().metrics.discardedChangesWarnings.increment();
            LOG.log(System.Logger.Level.WARNING,
                    Messages.discardedChanges(fork.unit().name(), changes, fork.context().origin()));
        }
    }
}
