package io.github.forkscope;

import io.github.forkscope.spi.ForkscopeRuntime;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/**
 * The programmatic way to open a Forkscope context, for code that has no annotated entry point:
 * a thread of your own, a {@code main} method, a callback of a library. Inside the work, the
 * injected {@code EntityManager} reaches the context's fork; when the work ends the fork is
 * closed without a flush. Every method is thread-safe; a context belongs to the thread that
 * opened it.
 *
 * <pre>{@code
 * // CREATE: always a fresh context, like @RequestContextual
 * Forkscope.run(() -> em.persist(new Book("Dune")));
 *
 * // ENSURE: join the active context, or open one
 * long count = Forkscope.ensureCall(() -> em.createQuery("select count(b) from Book b", Long.class).getSingleResult());
 *
 * // a transaction on the current fork: commit on success, roll back and clear on failure
 * Forkscope.transactional(() -> em.merge(book));
 * }</pre>
 *
 * <p>The calls need a running CDI container with {@code forkscope-cdi-extension}; without one
 * they throw {@link IllegalStateException} with code {@code FORKSCOPE-008}.
 */
public final class Forkscope {

    /**
     * The name of Forkscope's context type in Jakarta Concurrency, for a {@code ContextService}
     * that treats it differently from the default, which propagates it: a task submitted from a
     * context runs in that context. Cleared, each task runs in a fresh context of its own;
     * unchanged, the task runs in whatever context its thread has (usually none).
     *
     * <pre>{@code
     * @ContextServiceDefinition(name = "java:app/concurrent/OwnContexts", cleared = Forkscope.THREAD_CONTEXT_TYPE)
     * @ManagedExecutorDefinition(name = "java:app/concurrent/OwnContextsExecutor", context = "java:app/concurrent/OwnContexts")
     * }</pre>
     */
    public static final String THREAD_CONTEXT_TYPE = "Forkscope";

    private Forkscope() {
    }

    /**
     * Runs the work in a fresh context (CREATE): an outer context is suspended and restored
     * untouched afterwards.
     *
     * @param work the work, not null
     */
    public static void run(Runnable work) {
        Objects.requireNonNull(work, "work");
        runtime().call(RequestContextual.Mode.CREATE, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs the work in a fresh context (CREATE) and returns its result.
     *
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    public static <T, X extends Exception> T call(Work<T, X> work) throws X {
        return runtime().call(RequestContextual.Mode.CREATE, Objects.requireNonNull(work, "work"));
    }

    /**
     * Runs the work in the active context, or in a new one when none is active (ENSURE).
     *
     * @param work the work, not null
     */
    public static void ensureRun(Runnable work) {
        Objects.requireNonNull(work, "work");
        runtime().call(RequestContextual.Mode.ENSURE, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs the work in the active context, or in a new one when none is active (ENSURE), and
     * returns its result.
     *
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    public static <T, X extends Exception> T ensureCall(Work<T, X> work) throws X {
        return runtime().call(RequestContextual.Mode.ENSURE, Objects.requireNonNull(work, "work"));
    }

    /**
     * Returns the active context's fork of the default unit, creating it if the context has not
     * used it yet.
     *
     * @return the fork, or empty when no context is active (never a global instance)
     */
    public static Optional<EntityManager> currentEntityManager() {
        return runtime().currentEntityManager(null);
    }

    /**
     * Returns the active context's fork of the named unit.
     *
     * @param unitName the persistence unit's name, not null
     * @return the fork, or empty when no context is active
     */
    public static Optional<EntityManager> currentEntityManager(String unitName) {
        return runtime().currentEntityManager(Objects.requireNonNull(unitName, "unitName"));
    }

    /**
     * Runs the work in a transaction on the current fork of the default unit. A transaction that
     * is already active is joined (like JTA's REQUIRED) and left for its owner to end; otherwise
     * one is begun, and on success the fork is flushed and the transaction committed. On failure
     * the transaction is rolled back, the fork cleared so that no half-applied state stays
     * managed, and the original exception rethrown. When no context is active, one is opened
     * for the call.
     *
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    public static <T, X extends Exception> T transactional(Work<T, X> work) throws X {
        return runtime().transactional(null, Objects.requireNonNull(work, "work"));
    }

    /**
     * {@link #transactional(Work)} on the fork of the named unit.
     *
     * @param unitName the persistence unit's name, not null
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    public static <T, X extends Exception> T transactional(String unitName, Work<T, X> work) throws X {
        return runtime().transactional(Objects.requireNonNull(unitName, "unitName"),
                Objects.requireNonNull(work, "work"));
    }

    /**
     * {@link #transactional(Work)} for work that returns nothing, such as
     * {@code Forkscope.transactional(() -> em.persist(book))}.
     *
     * @param work the work, not null
     */
    public static void transactional(Runnable work) {
        Objects.requireNonNull(work, "work");
        runtime().transactional(null, () -> {
            work.run();
            return null;
        });
    }

    /**
     * {@link #transactional(Runnable)} on the fork of the named unit.
     *
     * @param unitName the persistence unit's name, not null
     * @param work the work, not null
     */
    public static void transactional(String unitName, Runnable work) {
        Objects.requireNonNull(work, "work");
        runtime().transactional(Objects.requireNonNull(unitName, "unitName"), () -> {
            work.run();
            return null;
        });
    }

    /**
     * Returns Forkscope's counters (contexts, forks, guard trips), also published over JMX.
     *
     * @return the live counters of this application
     */
    public static ForkscopeMetrics metrics() {
        return runtime().metrics();
    }

    private static ForkscopeRuntime runtime() {
        ForkscopeRuntime registered = RuntimeRegistry.current();
        if (registered != null) {
            return registered;
        }
        try {
            return CDI.current().select(ForkscopeRuntime.class).get();
        } catch (IllegalStateException | jakarta.enterprise.inject.UnsatisfiedResolutionException e) {
            throw new IllegalStateException("FORKSCOPE-008: Forkscope was called, but no CDI container with "
                    + "forkscope-cdi-extension is running for this application. Add forkscope-cdi-extension "
                    + "next to forkscope-api (WEB-INF/lib in a WAR, the classpath in Java SE) and start the "
                    + "container before calling Forkscope.", e);
        }
    }
}
