package io.github.forkscope.cdi;

import io.github.forkscope.cdi.provider.ProviderSupport;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ghost-flush guard (seed 003, the first pitfall of a unit of work): a commit writes every
 * change its persistence context holds, so a transaction also saves what code changed before it
 * began, for another purpose (shaping a response, say). When a fork that manages entities joins a
 * transaction, the guard notes, through the provider's own change tracking and without a flush,
 * which of them are already changed; entities that the transaction's code then hands to the
 * EntityManager ({@code persist}, {@code merge}, {@code lock}, {@code refresh}, {@code remove})
 * are claimed by it. Before the commit, what is left is reported with {@code FORKSCOPE-107}, or,
 * in {@code fail} mode, rolls the transaction back. One instance watches one fork in one
 * transaction, on the thread that owns the fork.
 */
final class GhostFlushGuard {

    /** The values of {@code forkscope.guards.ghost-flush}. */
    enum Mode {
        WARN, FAIL, OFF;

        static Mode of(Settings settings) {
            String value = settings.get(io.github.forkscope.ForkscopeConfig.GUARD_GHOST_FLUSH).orElse("warn");
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Messages.badSetting(io.github.forkscope.ForkscopeConfig.GUARD_GHOST_FLUSH, value,
                        "warn, fail or off", e);
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(GhostFlushGuard.class.getName());

    private final Map<Object, String> changedBefore;
    private final Set<Object> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    private GhostFlushGuard(Map<Object, String> changedBefore) {
        this.changedBefore = changedBefore;
    }

    /** What to watch in a transaction the fork has just joined: null when the fork holds no changes. */
    static GhostFlushGuard watch(Fork fork) {
        if (fork.guards().ghostFlush == Mode.OFF || fork.managedEntities() <= 0) {
            return null;
        }
        Map<Object, String> changed = fork.pendingEntities();
        return changed.isEmpty() ? null : new GhostFlushGuard(changed);
    }

    /** An entity the transaction's code handed to the EntityManager: its changes are the transaction's own. */
    void claim(Object entity) {
        if (changedBefore.containsKey(entity)) {
            claimed.add(entity);
        }
    }

    /**
     * The transaction is about to commit: reports the changes made before it that it would write,
     * and in {@code fail} mode throws, for the transaction to be rolled back.
     */
    void beforeCommit(Fork fork) {
        Map<String, Integer> ghosts = unclaimed();
        if (ghosts.isEmpty()) {
            return;
        }
        Guards guards = fork.guards();
        boolean fail = guards.ghostFlush == Mode.FAIL;
        String message = Messages.ghostFlush(fork.unit().name(), ghosts, fork.context().origin(), fail);
        guards.metrics.ghostFlushWarnings.increment();
        LOG.log(System.Logger.Level.WARNING, message);
        if (fail) {
            throw new IllegalStateException(message);
        }
    }

    /** The changes made before the transaction that it is about to write, by kind and type; empty when none. */
    private Map<String, Integer> unclaimed() {
        if (claimed.size() == changedBefore.size()) {
            return Map.of();
        }
        return ProviderSupport.count(changedBefore.entrySet().stream()
                .filter(change -> !claimed.contains(change.getKey())).map(Map.Entry::getValue).toList());
    }
}
