package io.github.forkscope.spi;

import io.github.forkscope.RequestContextual;
import io.github.forkscope.Work;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/**
 * What {@link io.github.forkscope.Forkscope} delegates to: the implementation that owns contexts
 * and forks. The CDI extension provides it as a bean; applications use
 * {@code Forkscope} and never call this interface themselves. Implementations are thread-safe.
 *
 * <pre>{@code
 * ForkscopeRuntime runtime = CDI.current().select(ForkscopeRuntime.class).get();
 * runtime.call(RequestContextual.Mode.ENSURE, () -> runtime.currentEntityManager(null));
 * }</pre>
 */
public interface ForkscopeRuntime {

    /**
     * Runs work in a context opened or joined according to {@code mode}.
     *
     * @param mode CREATE for a fresh context, ENSURE to join the active one
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    <T, X extends Exception> T call(RequestContextual.Mode mode, Work<T, X> work) throws X;

    /**
     * Runs the work of one HTTP request in its context: joins the context of an enclosing
     * Forkscope call on this thread, if there is one, and otherwise opens one that belongs to the
     * request alone (not to the CDI request context, which may be shared with code that runs
     * before the request's filters). That context stays open when the work returns: the caller
     * captures it with {@link #currentContext()} inside the work and closes it, at once or, for an
     * async request, when the async cycle ends.
     *
     * @param work the request's work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    <T, X extends Exception> T callRequest(Work<T, X> work) throws X;

    /**
     * Returns the active context's fork of a unit, creating it if the context has none yet.
     *
     * @param unitName the unit, or null for the default unit
     * @return the fork, or empty when no context is active
     */
    Optional<EntityManager> currentEntityManager(String unitName);

    /**
     * Runs work in a transaction on the current fork of a unit, as
     * {@link io.github.forkscope.Forkscope#transactional(String, Work)} describes.
     *
     * @param unitName the unit, or null for the default unit
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    <T, X extends Exception> T transactional(String unitName, Work<T, X> work) throws X;

    /**
     * Captures the context active on the calling thread, for integrations whose unit of work
     * continues on other threads (an async HTTP request).
     *
     * @return the context, or empty when none is active
     */
    Optional<ContextHandle> currentContext();

    /**
     * Opens a fresh context bound to the calling thread until the returned handle is closed, for
     * integrations whose unit of work spans several calls (a test method with its set-up and
     * tear-down). A CDI request context is activated for it if none is active.
     *
     * @param openedBy what opens the context, named in the messages of the guard rails
     * @return the open context, to be closed on the same thread
     */
    OpenContext openContext(String openedBy);

    /**
     * The names of the application's persistence units.
     *
     * @return the names, the default unit (if there is one) first
     */
    java.util.List<String> unitNames();

    /**
     * Returns the application's counters.
     *
     * @return the live counters
     */
    io.github.forkscope.ForkscopeMetrics metrics();
}
