package io.github.forkscope;

/**
 * A piece of work that returns a value and may throw a checked exception of one known type,
 * which {@link Forkscope#call(Work)} and {@link Forkscope#transactional(Work)} rethrow
 * unchanged. A lambda that throws nothing checked needs no {@code try}/{@code catch}.
 *
 * <pre>{@code
 * Book book = Forkscope.call(() -> em.find(Book.class, 1L));
 * byte[] cover = Forkscope.call(() -> Files.readAllBytes(path)); // throws IOException
 * }</pre>
 *
 * @param <T> the result type
 * @param <X> the checked exception the work may throw
 */
@FunctionalInterface
public interface Work<T, X extends Exception> {

    /**
     * Does the work.
     *
     * @return the result, may be null
     * @throws X when the work fails
     */
    T execute() throws X;
}
