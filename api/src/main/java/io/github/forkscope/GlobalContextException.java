package io.github.forkscope;

import jakarta.enterprise.context.ContextNotActiveException;

/**
 * Thrown when code calls a context-specific method (find, persist, a query that returns rows,
 * flush, ...) on the contextual {@code EntityManager} while no Forkscope context is active on the
 * thread. It is a {@link ContextNotActiveException}, so code that already handles an inactive CDI
 * context handles it too. The message names the method and the thread, and lists the fixes; its
 * code is {@code FORKSCOPE-001}.
 *
 * <p>The usual fixes: HTTP requests get a context from {@code forkscope-servlet-listener};
 * timers, message consumers and executor tasks get one from {@link RequestContextual}; any other
 * code wraps its work in {@link Forkscope#run(Runnable)}.
 *
 * <pre>{@code
 * try {
 *     em.find(Book.class, 1L);
 * } catch (GlobalContextException e) {
 *     // no context on this thread: run the work in one instead
 *     Forkscope.run(() -> em.find(Book.class, 1L));
 * }
 * }</pre>
 */
public class GlobalContextException extends ContextNotActiveException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its full message, code included.
     *
     * @param message the message, which says what was called, on which thread and how to fix it
     */
    public GlobalContextException(String message) {
        super(message);
    }
}
