package io.github.forkscope.cdi;

import java.util.List;
import java.util.Objects;

/**
 * The Forkscope contexts of one CDI request context, or of one thread's binding, as a stack: its
 * base context, created on first use, and the CREATE contexts opened on top of it; and, for the
 * current context, the current {@link Section} of its transaction stack, which the transaction
 * boundaries move and every call reads. Once {@link #closeAll() closed} it opens no context
 * again: a later call on it, from a callback that runs as its request context is destroyed, fails
 * with {@code FORKSCOPE-110}. Confined, like its request context, to one thread at a time.
 */
final class ContextStack {

    private static final String REQUEST_CONTEXT = "the CDI request context";

    private final List<ManagedUnit> units;
    private final Guards guards;
    private Context current;
    private Section section;
    private String endedContext;
    /** The base context an HTTP request's own end closes, which the end of the stack leaves to it; null when none. */
    private Context handedOver;

    ContextStack(List<ManagedUnit> units, Guards guards) {
        this.units = Objects.requireNonNull(units, "units");
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    Context current() {
        Context context = current;
        if (context == null) {
            context = begin(REQUEST_CONTEXT, "The injected EntityManager");
        }
        return context;
    }

    /** The current context, or null when the request context has not used Forkscope yet. */
    Context peek() {
        return current;
    }

    /** Starts the base context of a request context that Forkscope itself activated. */
    void begin(Object openedBy) {
        if (current == null) {
            begin(openedBy, String.valueOf(openedBy));
        }
    }

    private Context begin(Object openedBy, String call) {
        if (endedContext != null) {
            throw Messages.unitOfWorkEnded(call, endedContext);
        }
        Context context = new Context(units, guards, null, openedBy, true);
        current = context;
        section = context.base();
        return context;
    }

    /** The live section of the current context that calls reach now. */
    Section section() {
        Section at = section;
        if (at == null) {
            current();
            at = section;
        }
        if (at.ended()) {
            at = at.live();
            section = at;
        }
        return at;
    }

    /**
     * The fork of the unit that a call on this thread reaches, entered. A JTA transaction that began
     * without a boundary Forkscope saw ({@code UserTransaction.begin()}) becomes a section here, on
     * its first call; a thread outside the section's transaction (a task the context's work handed to
     * an executor) reaches the section's fork without joining anything.
     */
    Fork fork(ManagedUnit unit, String method) {
        Section at = section();
        if (unit.resourceLocal()) {
            return at.context.base().fork(unit, method).enter(method, null); // no JTA: the context's own fork
        }
        Object key = unit.transactionKey();
        if (key != null && !key.equals(at.transaction)) {
            at = transactionSeen(at, key, unit.jta());
        }
        return at.fork(unit, method).enter(method, key != null && key.equals(at.transaction) ? key : null);
    }

    /** The section of a transaction that a call, not a boundary, found on the thread: a live one is pushed. */
    private Section transactionSeen(Section at, Object key, Jta jta) {
        Section known = at.find(key);
        if (known != null) {
            return known;
        }
        if (!Section.live(jta.status())) {
            return at; // a completed transaction's callbacks: they reach the section it ran in
        }
        section = at.transaction(key, jta);
        return section;
    }

    /**
     * A transaction boundary, where the container may have begun or suspended a transaction
     * around application code: pushes the section it begins, if any, and joins the forks it
     * reaches to a transaction that has begun. The returned boundary is exited when the method
     * returns.
     */
    Boundary enter(Jta jta) {
        Object key = jta.transactionKey();
        if (key == null && current == null) {
            return Boundary.NONE; // nothing used Forkscope yet, and no transaction began
        }
        Section at = section();
        if (Objects.equals(key, at.transaction)) {
            return Boundary.NONE;
        }
        Section pushed;
        if (key == null) {
            pushed = at.suspended();
        } else {
            Section known = at.find(key);
            if (known != null || !Section.live(jta.status())) {
                return Boundary.NONE;
            }
            pushed = at.transaction(key, jta);
        }
        section = pushed;
        if (pushed.joinsOuter()) {
            join(pushed, key);
        }
        return new Boundary(this, pushed, jta);
    }

    /** Joins the live forks of the JTA units that the new transaction's calls reach; forks created later join on their first call. */
    private void join(Section transaction, Object key) {
        for (ManagedUnit unit : units) {
            if (unit.resourceLocal()) {
                continue;
            }
            Fork fork = transaction.owner().existingFork(unit);
            if (fork != null && !fork.closed() && fork.transaction() == null) {
                fork.enter("the start of a JTA transaction", key).exit();
            }
        }
    }

    /** The boundary's method returned: a suspended section ends, a transaction's section ends with its completion. */
    void exit(Section pushed, Jta jta) {
        if (pushed.kind == Section.Kind.SUSPENDED) {
            pushed.end();
        } else if (!pushed.followed()) {
            pushed.discardUnjoined(); // marked for rollback before Forkscope could follow it: its changes go with it
            pushed.end();
        } else if (!pushed.ended() && pushed.transaction.equals(jta.transactionKey())) {
            return; // the container completes it after the method: its completion ends the section
        }
        if (section == pushed) {
            section = pushed.outer;
        }
    }


    /**
     * Leaves the base context to the HTTP request's own end (the request's end, or its async
     * cycle's, after the cycle's last task), which the CDI request context's destruction may
     * precede while an async cycle still runs.
     */
    void handOver() {
        Context base = current;
        while (base != null && base.outer() != null) {
            base = base.outer();
        }
        handedOver = base;
    }

    Context push(Object openedBy) {
        Context context = new Context(units, guards, current, openedBy, true);
        context.resumes(section);
        current = context;
        section = context.base();
        return context;
    }

    /** Puts another context's section in place, of a context this stack does not own, and returns the context it replaces. */
    Context swap(Section resumed) {
        Context previous = current;
        current = resumed.context;
        section = resumed;
        return previous;
    }

    void pop(Context context) {
        current = context.outer();
        section = context.resumed();
        context.close();
    }

    void closeAll() {
        Context bottom = null;
        for (Context context = current; context != null; context = context.outer()) {
            if (context != handedOver) {
                context.close();
            }
            bottom = context;
        }
        endedContext = bottom != null ? bottom.origin() : REQUEST_CONTEXT;
        current = null;
        section = null;
    }

    /** A boundary's pushed section, for the interceptor to exit; {@link #NONE} when it pushed nothing. */
    static final class Boundary {

        static final Boundary NONE = new Boundary(null, null, null);

        private final ContextStack stack;
        private final Section pushed;
        private final Jta jta;

        private Boundary(ContextStack stack, Section pushed, Jta jta) {
            this.stack = stack;
            this.pushed = pushed;
            this.jta = jta;
        }

        void exit() {
            if (pushed != null) {
                stack.exit(pushed, jta);
            }
        }
    }
}
