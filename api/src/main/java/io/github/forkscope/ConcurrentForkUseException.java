package io.github.forkscope;

/**
 * Thrown when a second thread calls a fork while another thread is inside a call on it: a
 * persistence context is not thread-safe, and two threads using one at once corrupt it silently.
 * The message names both threads and the method; its code is {@code FORKSCOPE-101}. The usual
 * cause is a parallel stream or an executor task that uses the request's EntityManager; give each
 * task a context of its own instead.
 *
 * <pre>{@code
 * // wrong: the tasks share the request's fork with the request itself
 * ids.parallelStream().map(id -> fork.find(Book.class, id)).toList();
 *
 * // right: each task runs in a context, with a fork, of its own
 * ids.parallelStream().map(id -> Forkscope.call(() -> em.find(Book.class, id).getTitle())).toList();
 * }</pre>
 */
public class ConcurrentForkUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with its full message, code included.
     *
     * @param message the message, which names both threads and the fix
     */
    public ConcurrentForkUseException(String message) {
        super(message);
    }
}
