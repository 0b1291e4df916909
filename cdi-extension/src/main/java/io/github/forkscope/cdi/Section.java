package io.github.forkscope.cdi;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One section of a context's transaction stack, as the container suspends and resumes JTA
 * transactions around application code: the context's own section (no transaction), a
 * transaction, or a section with its transaction suspended and none active ({@code NOT_SUPPORTED},
 * {@code NEVER}, {@code SUPPORTS} without one, inside a transaction). The stack is a chain from
 * the current section to the context's own; each thread that works in the context (a task
 * included) keeps its own pointer into it, in its {@link ContextStack}.
 *
 * <p>Invariants, which the README's Transactions section states as rules:
 * <ol>
 *   <li>A fork belongs to exactly one section for its whole life, the one it was created for, and
 *       is closed only by the end of that section or of its context.</li>
 *   <li>A transaction that begins in a section with no transaction (the context's own, or a
 *       suspended one) owns no fork: its calls reach that section's forks, which join it. Every
 *       other section owns the forks its calls reach.</li>
 *   <li>So a section's forks are joined only by a transaction that begins directly inside it,
 *       never by one that begins after it ended or beside it.</li>
 *   <li>A section ends once: a transaction's when it completes, a suspended one when the method
 *       that suspended the transaction returns, the context's own with the context. An ended
 *       section is never current again: calls reach its nearest live outer section.</li>
 *   <li>A transaction that the registry would not let Forkscope follow (marked rollback-only
 *       before its first call) is a section all the same: its changes are never committed by
 *       another transaction.</li>
 * </ol>
 *
 * <p>Thread-safe: forks are created under the context's lock and read with acquire semantics;
 * the end is a volatile flag set once.
 */
final class Section {

    enum Kind { CONTEXT, TRANSACTION, SUSPENDED }

    private static final VarHandle FORKS = MethodHandles.arrayElementVarHandle(Fork[].class);

    final Kind kind;
    final Context context;
    /** The section this one is nested in; null for the context's own. */
    final Section outer;
    /** The key of the section's JTA transaction; null when it has none. */
    final Object transaction;
    /** The forks of the section, by unit index; null for a transaction that joins its outer section's. */
    private final Fork[] forks;
    private volatile boolean ended;
    /** Whether the transaction's completion ends the section; false when the registry refused to report it. */
    private boolean followed;

    private Section(Kind kind, Context context, Section outer, Object transaction, boolean ownsForks) {
        this.kind = kind;
        this.context = Objects.requireNonNull(context, "context");
        this.outer = outer;
        this.transaction = transaction;
        this.forks = ownsForks ? new Fork[context.unitCount()] : null;
    }

    /** The context's own section. */
    static Section base(Context context) {
        return new Section(Kind.CONTEXT, context, null, null, true);
    }

    /**
     * A transaction that has just begun on the calling thread, nested in this section, followed to
     * its completion; its forks are this section's when this one has no transaction.
     */
    Section transaction(Object key, Jta jta) {
        Section section = new Section(Kind.TRANSACTION, context, this, Objects.requireNonNull(key, "key"), transaction != null);
        section.follow(jta);
        return section;
    }

    /** A section whose transaction is suspended, nested in this one, until {@link #end()}. */
    Section suspended() {
        return new Section(Kind.SUSPENDED, context, this, null, true);
    }

    private void follow(Jta jta) {
        try {
            jta.onCompletion(new Completion());
            followed = true;
        } catch (IllegalStateException refused) {
            // a transaction marked rollback-only: it stays a section, ended with its boundary or context
        }
    }

    /** Whether the transaction's completion will end the section. */
    boolean followed() {
        return followed;
    }

    /** Whether the section joins its outer section's forks rather than owning its own. */
    boolean joinsOuter() {
        return forks == null;
    }

    /** The section whose forks this one's calls reach. */
    Section owner() {
        return forks != null ? this : outer;
    }

    /** This section, or its nearest outer one that has not ended. */
    Section live() {
        Section section = this;
        while (section.ended && section.outer != null) {
            section = section.outer;
        }
        return section;
    }

    /** The nearest live section, this one or an outer one, of the transaction {@code key}; null when none. */
    Section find(Object key) {
        for (Section section = this; section != null; section = section.outer) {
            if (!section.ended && key.equals(section.transaction)) {
                return section;
            }
        }
        return null;
    }

    boolean ended() {
        return ended;
    }

    /** The fork of the unit that calls in this section reach, created if needed. */
    Fork fork(ManagedUnit unit, String method) {
        Section owner = owner();
        Fork fork = (Fork) FORKS.getAcquire(owner.forks, unit.index());
        return fork != null ? fork : context.open(owner, unit, method);
    }

    /** The section's own fork of the unit, without creating one; null for a section that owns none. */
    Fork existingFork(ManagedUnit unit) {
        return forks == null ? null : (Fork) FORKS.getAcquire(forks, unit.index());
    }

    /** Publishes a fork the context created for this section, under the context's lock. */
    void add(Fork fork) {
        FORKS.setRelease(forks, fork.unit().index(), fork);
    }

    /**
     * Ends the section, once, and closes the forks it owns. A suspended section's forks are
     * inspected for discarded changes as a context's are; a transaction's decided their changes.
     */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (forks != null) {
            for (int i = 0; i < forks.length; i++) {
                Fork fork = (Fork) FORKS.getAcquire(forks, i);
                if (fork != null && !fork.closed()) {
                    fork.close(kind == Kind.TRANSACTION);
                }
            }
        }
    }

    /**
     * The section's transaction rolled back, or will: a fork its calls reached that never joined
     * it (the transaction was marked for rollback first) is thrown away as a joined one is by its
     * provider, so that no other transaction commits its changes ({@code FORKSCOPE-109}).
     */
    void discardUnjoined() {
        if (forks != null) {
            return; // a transaction's own forks close with it, reported as they close
        }
        Fork[] shared = outer.forks;
        for (int i = 0; i < shared.length; i++) {
            Fork fork = (Fork) FORKS.getAcquire(shared, i);
            if (fork != null && !fork.unit().resourceLocal() && fork.transaction() == null) {
                fork.doomed(this);
            }
        }
    }

    /** Where the section is, for messages. */
    String description() {
        return switch (kind) {
            case CONTEXT -> "the context opened by " + context.origin();
            case TRANSACTION -> (forks == null ? "a JTA transaction" : "a transaction of its own (REQUIRES_NEW)")
                    + " in the context opened by " + context.origin();
            case SUSPENDED -> "a section with its transaction suspended (NOT_SUPPORTED) in the context opened by "
                    + context.origin();
        };
    }

    /** The completion of the section's transaction, which may run on another thread (a timeout). */
    private final class Completion implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                discardUnjoined();
            }
            end();
        }
    }

    /** Whether a transaction with this status can still take work or is bound to roll back, rather than completing. */
    static boolean live(int status) {
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }
}
