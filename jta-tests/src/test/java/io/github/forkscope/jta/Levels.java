package io.github.forkscope.jta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** One method per transaction type, each running the work it is given inside its boundary. */
@ApplicationScoped
public class Levels {

    @Transactional(TxType.REQUIRED)
    public void required(Runnable work) {
        work.run();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void requiresNew(Runnable work) {
        work.run();
    }

    @Transactional(TxType.MANDATORY)
    public void mandatory(Runnable work) {
        work.run();
    }

    @Transactional(TxType.SUPPORTS)
    public void supports(Runnable work) {
        work.run();
    }

    @Transactional(TxType.NOT_SUPPORTED)
    public void notSupported(Runnable work) {
        work.run();
    }

    @Transactional(TxType.NEVER)
    public void never(Runnable work) {
        work.run();
    }
}
