package io.github.forkscope.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The {@link TransactionBoundaries} of CDI's {@code @Transactional}, one type per method. */
@ApplicationScoped
public class CdiBoundaries implements TransactionBoundaries {

    @Override
    @Transactional(TxType.REQUIRED)
    public void required(Runnable work) {
        work.run();
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void requiresNew(Runnable work) {
        work.run();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void mandatory(Runnable work) {
        work.run();
    }

    @Override
    @Transactional(TxType.SUPPORTS)
    public void supports(Runnable work) {
        work.run();
    }

    @Override
    @Transactional(TxType.NOT_SUPPORTED)
    public void notSupported(Runnable work) {
        work.run();
    }

    @Override
    @Transactional(TxType.NEVER)
    public void never(Runnable work) {
        work.run();
    }
}
