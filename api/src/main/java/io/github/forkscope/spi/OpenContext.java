package io.github.forkscope.spi;

/**
 * A fresh context bound to the thread that opened it, until {@link #close()}: for integrations
 * whose unit of work is not a single call, such as a test method with its set-up and tear-down
 * methods. Inside, the injected {@code EntityManager} reaches the context's forks, as in a request;
 * closing ends the context and closes its forks without a flush, and restores what the thread
 * had before. Used by the thread that opened it only.
 *
 * <pre>{@code
 * OpenContext context = runtime.openContext("test BooksTest.adds()");
 * try {
 *     books.add("Dune");                       // code under test, with @Inject EntityManager
 *     context.context().forks();               // what the context holds
 * } finally {
 *     context.close();
 * }
 * }</pre>
 */
public interface OpenContext extends AutoCloseable {

    /**
     * The context itself, to inspect it.
     *
     * @return the context, as a handle
     */
    ContextHandle context();

    /** Ends the context, on the thread that opened it. */
    @Override
    void close();
}
