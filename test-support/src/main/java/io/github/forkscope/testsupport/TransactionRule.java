package io.github.forkscope.testsupport;

/**
 * The transaction a step runs in, by JTA's rules ({@code jakarta.transaction.Transactional.TxType},
 * EJB's {@code TransactionAttributeType}): the caller's, a new one, or none, or a refusal.
 */
public enum TransactionRule {
    REQUIRED, REQUIRES_NEW, MANDATORY, SUPPORTS, NOT_SUPPORTED, NEVER;

    /** Runs the work through the boundaries' method of this rule. */
    public void run(TransactionBoundaries boundaries, Runnable work) {
        switch (this) {
            case REQUIRED -> boundaries.required(work);
            case REQUIRES_NEW -> boundaries.requiresNew(work);
            case MANDATORY -> boundaries.mandatory(work);
            case SUPPORTS -> boundaries.supports(work);
            case NOT_SUPPORTED -> boundaries.notSupported(work);
            case NEVER -> boundaries.never(work);
        }
    }
}
