package io.github.forkscope.it.app.stack;

import io.github.forkscope.testsupport.TransactionBoundaries;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** The {@link TransactionBoundaries} of a stateless session bean: one container-managed transaction attribute per method. */
@Stateless
@LocalBean
public class EjbBoundaries implements TransactionBoundaries {

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void required(Runnable work) {
        work.run();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void requiresNew(Runnable work) {
        work.run();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void mandatory(Runnable work) {
        work.run();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void supports(Runnable work) {
        work.run();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void notSupported(Runnable work) {
        work.run();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NEVER)
    public void never(Runnable work) {
        work.run();
    }
}
