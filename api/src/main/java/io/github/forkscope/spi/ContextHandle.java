package io.github.forkscope.spi;

import io.github.forkscope.Work;

/**
 * A Forkscope context captured on one thread to be resumed, and finally closed, elsewhere: what an
 * integration needs when its unit of work moves between threads, such as an async HTTP request
 * whose dispatches run on different threads. Applications never use it. A handle is used by one
 * thread at a time; {@link #close()} may be called more than once.
 *
 * <pre>{@code
 * ContextHandle context = runtime.currentContext().orElseThrow();
 * request.setAttribute(KEY, context);
 * // later, on the thread of the next dispatch:
 * context.resume(() -> { chain.doFilter(request, response); return null; });
 * // when the async cycle is over:
 * context.close();
 * }</pre>
 */
public interface ContextHandle {

    /**
     * Runs work with this context as the active one on the calling thread, activating a CDI
     * request context for the call if none is active; the context stays open afterwards.
     *
     * @param work the work, not null
     * @param <T> the result type
     * @param <X> the checked exception the work may throw
     * @return the work's result
     * @throws X the work's own exception, unchanged
     */
    <T, X extends Exception> T resume(Work<T, X> work) throws X;

    /**
     * Closes the context's forks without flushing; the context opens no fork again, and a later
     * call in it fails with {@code FORKSCOPE-102}. A fork that another thread is inside is closed as
     * that thread's call returns.
     */
    void close();

    /**
     * Closes the context as {@link #close()} does once the tasks that Jakarta Concurrency runs in
     * it on other threads are over, or at once when none is running: the end of an async cycle,
     * whose last continuation may still be running when the response completes.
     */
    void closeAfterTasks();

    /**
     * The context's forks that exist now: one per unit it has used, and those opened for single
     * transactions inside it.
     *
     * @return a snapshot of the forks, in no particular order
     */
    java.util.List<ForkInfo> forks();
}
