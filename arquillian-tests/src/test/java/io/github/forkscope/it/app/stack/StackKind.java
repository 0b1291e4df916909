package io.github.forkscope.it.app.stack;

import io.github.forkscope.testsupport.TransactionBoundaries;
import io.github.forkscope.testsupport.TransactionRule;

/** The boundaries a step of the server's sweep can run in: CDI {@code @Transactional} or an EJB's attribute, of each type. */
public enum StackKind {
    CDI_REQUIRED, CDI_REQUIRES_NEW, CDI_MANDATORY, CDI_SUPPORTS, CDI_NOT_SUPPORTED, CDI_NEVER,
    EJB_REQUIRED, EJB_REQUIRES_NEW, EJB_MANDATORY, EJB_SUPPORTS, EJB_NOT_SUPPORTED, EJB_NEVER;

    public TransactionRule rule() {
        return TransactionRule.valueOf(name().substring(4));
    }

    void run(TransactionBoundaries cdi, TransactionBoundaries ejb, Runnable work) {
        rule().run(name().startsWith("CDI_") ? cdi : ejb, work);
    }
}
