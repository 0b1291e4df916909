package io.github.forkscope.jta;

import io.github.forkscope.Forkscope;

/**
 * The ways a step of a scenario can run: the six {@code @Transactional} types, and
 * {@code Forkscope.transactional}, which joins an active transaction or begins one (as
 * {@code REQUIRED} does) on JTA and resource-local units alike; {@code PLAIN} is a call with no
 * boundary at all, for resource-local units.
 */
enum Kind {
    REQUIRED, REQUIRES_NEW, MANDATORY, SUPPORTS, NOT_SUPPORTED, NEVER, FORKSCOPE_TRANSACTIONAL, PLAIN;

    /** Runs the work in this kind's boundary, through the bean's proxy so that its interceptors run. */
    void run(Levels levels, String unit, Runnable work) {
        switch (this) {
            case REQUIRED -> levels.required(work);
            case REQUIRES_NEW -> levels.requiresNew(work);
            case MANDATORY -> levels.mandatory(work);
            case SUPPORTS -> levels.supports(work);
            case NOT_SUPPORTED -> levels.notSupported(work);
            case NEVER -> levels.never(work);
            case FORKSCOPE_TRANSACTIONAL -> Forkscope.transactional(unit, work);
            case PLAIN -> work.run();
        }
    }

    /** Whether a failure that leaves the boundary marks a transaction it joined for rollback; a plain call has no boundary. */
    boolean marksRollback() {
        return this != PLAIN;
    }

    /** The kind whose transaction rules this one follows, for the model. */
    Kind rules() {
        return switch (this) {
            case FORKSCOPE_TRANSACTIONAL -> REQUIRED;
            case PLAIN -> SUPPORTS;
            default -> this;
        };
    }
}
