package io.github.forkscope.testsupport;

/**
 * A bean with one method per transaction rule, each running the work it is given inside its
 * boundary: {@link CdiBoundaries} with CDI {@code @Transactional}, or an enterprise bean with
 * container-managed transaction attributes. Called through the container's proxy, so that its
 * interceptors run.
 */
public interface TransactionBoundaries {

    void required(Runnable work);

    void requiresNew(Runnable work);

    void mandatory(Runnable work);

    void supports(Runnable work);

    void notSupported(Runnable work);

    void never(Runnable work);
}
