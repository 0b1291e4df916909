package io.github.forkscope.spi;

import java.util.Objects;

/**
 * What one fork of a context holds, as {@link ContextHandle#forks()} reports it for tests and
 * diagnostics: its persistence unit, whether it is still open, and how many entities its
 * persistence context manages (the provider's own count). A snapshot, immutable and thread-safe.
 *
 * <pre>{@code
 * for (ForkInfo fork : runtime.currentContext().orElseThrow().forks()) {
 *     System.out.println(fork.unit() + " manages " + fork.managedEntities() + " entities");
 * }
 * }</pre>
 *
 * @param unit            the persistence unit's name
 * @param open            whether the fork is open
 * @param managedEntities the entities its persistence context manages; -1 when another thread was
 *                        inside the fork and it could not be asked
 */
public record ForkInfo(String unit, boolean open, long managedEntities) {

    /**
     * Checks the unit's name.
     *
     * @param unit            the persistence unit's name, not null
     * @param open            whether the fork is open
     * @param managedEntities the managed entities, or -1
     */
    public ForkInfo {
        Objects.requireNonNull(unit, "unit");
    }
}
