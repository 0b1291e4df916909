package io.github.forkscope;

/**
 * The names of Forkscope's configuration keys. Each key is read from MicroProfile Config where
 * it is present, else from a system property of the same name, else from an environment variable
 * named after the key in upper case with every non-alphanumeric character replaced by
 * {@code _} (so {@value #ALLOW_GLOBAL_CONTEXT} becomes {@code FORKSCOPE_ALLOW_GLOBAL_CONTEXT}).
 *
 * <pre>{@code
 * java -Dforkscope.allow-global-context=true -jar my-tests.jar
 * }</pre>
 */
public final class ForkscopeConfig {

    /**
     * {@code true} or {@code 1} lets calls outside any context reach one shared global fork
     * instead of throwing {@link GlobalContextException}. For tests only.
     */
    public static final String ALLOW_GLOBAL_CONTEXT = "forkscope.allow-global-context";

    /**
     * The number of managed entities above which a fork logs one {@code FORKSCOPE-106} warning
     * that suggests a CREATE context per chunk. Default 10000; 0 turns the check off.
     */
    public static final String MAX_MANAGED_ENTITIES = "forkscope.max-managed-entities";

    /**
     * {@code false} turns off the thread guard ({@code FORKSCOPE-101}), which marks a fork as in use
     * for the length of each call. Default {@code true}; turn it off only to measure its cost.
     */
    public static final String GUARD_THREADS = "forkscope.guards.threads";

    /**
     * {@code false} turns off the fork-mixing guard ({@code FORKSCOPE-103}, {@code FORKSCOPE-104}).
     * Default {@code true}.
     */
    public static final String GUARD_FORK_MIXING = "forkscope.guards.fork-mixing";

    /**
     * {@code false} turns off the warning about changes discarded when a context ends
     * ({@code FORKSCOPE-105}), which costs a dirty check of the fork at the end of each context
     * that used one. Default {@code true}.
     */
    public static final String GUARD_DISCARDED_CHANGES = "forkscope.guards.discarded-changes";

    /**
     * What the ghost-flush guard ({@code FORKSCOPE-107}) does when a transaction is about to commit
     * changes that were made before it began and that its own code never handed to the
     * EntityManager: {@code warn} (the default) logs one warning per transaction, {@code fail}
     * also rolls the transaction back, {@code off} turns the check off.
     */
    public static final String GUARD_GHOST_FLUSH = "forkscope.guards.ghost-flush";

    /**
     * Persistence-unit property ({@code <property>} in {@code persistence.xml}) that marks the
     * default unit when the application has several: {@code true} on exactly one unit.
     */
    public static final String DEFAULT_UNIT = "forkscope.default";

    /**
     * Prefix of the Java SE datasource keys. {@code forkscope.datasource.url},
     * {@code .username}, {@code .password}, {@code .min-size} and {@code .max-size} are read as
     * persistence-unit properties; a configuration key {@code forkscope.datasource.<unit>.url}
     * (and so on) overrides the unit's own value. A unit with a URL gets an Agroal pool.
     */
    public static final String DATASOURCE_PREFIX = "forkscope.datasource.";

    private ForkscopeConfig() {
    }
}
