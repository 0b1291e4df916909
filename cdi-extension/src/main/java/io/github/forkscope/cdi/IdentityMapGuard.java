package io.github.forkscope.cdi;

/**
 * The identity-map guard (SPEC 6.5): a fork that manages more entities than
 * {@code forkscope.max-managed-entities} (0 turns it off) is reported once, with
 * {@code FORKSCOPE-106}. The fork measures itself every 64th call and when it closes, so that the
 * count, which some providers compute, costs little. Stateless and thread-safe.
 */
final class IdentityMapGuard {

    private static final System.Logger LOG = System.getLogger(IdentityMapGuard.class.getName());

    private IdentityMapGuard() {
    }

    /** Whether the limit is on, so that a fork need not count its entities otherwise. */
    static boolean enabled(Fork fork) {
        return fork.guards().maxManagedEntities != 0;
    }

    /** @return whether the fork, which manages {@code managed} entities, exceeds the limit and was reported */
    static boolean check(Fork fork, long managed) {
        Guards guards = fork.guards();
        if (guards.maxManagedEntities == 0 || managed <= guards.maxManagedEntities) {
            return false;
        }
        guards.metrics.identityMapWarnings.increment();
        guards.metrics.largestIdentityMap.accumulate(managed);
        LOG.log(System.Logger.Level.WARNING, Messages.identityMapGrowth(fork.unit().name(), managed,
                guards.maxManagedEntities, fork.context().origin()));
        return true;
    }
}
