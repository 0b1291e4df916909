package io.github.forkscope.jta;

import io.github.forkscope.Forkscope;
import io.github.forkscope.testsupport.TransactionBoundaries;
import io.github.forkscope.testsupport.TransactionRule;

/**
 * The ways a step of a scenario can run: the six {@code @Transactional} types, and
 * {@code Forkscope.transactional}, which joins an active transaction or begins one (as
 * {@code REQUIRED} does) on JTA and resource-local units alike; {@code PLAIN} is a call with no
 * boundary at all, for resource-local units.
 */
enum Kind {
    REQUIRED, REQUIRES_NEW, MANDATORY, SUPPORTS, NOT_SUPPORTED, NEVER, FORKSCOPE_TRANSACTIONAL, PLAIN;

    /** Runs the work in this kind's boundary, through the bean's proxy so that its interceptors run. */
    void run(TransactionBoundaries boundaries, String unit, Runnable work) {
        switch (this) {
            case FORKSCOPE_TRANSACTIONAL -> Forkscope.transactional(unit, work);
            case PLAIN -> work.run();
            default -> rule().run(boundaries, work);
        }
    }

    /** Whether a failure that leaves the boundary marks a transaction it joined for rollback; a plain call has no boundary. */
    boolean marksRollback() {
        return this != PLAIN;
    }

    /** The rule this kind's transaction follows, for the model. */
    TransactionRule rule() {
        return switch (this) {
            case FORKSCOPE_TRANSACTIONAL -> TransactionRule.REQUIRED;
            case PLAIN -> TransactionRule.SUPPORTS;
            default -> TransactionRule.valueOf(name());
        };
    }
}
