package io.github.forkscope.cdi;

import java.util.List;
import java.util.Objects;

/**
 * The Forkscope contexts of one CDI request context, as a stack: its base context, created on
 * first use, and the CREATE contexts opened on top of it. Confined, like its request context, to one thread at a time.
 */
final class ContextStack {

    private static final String REQUEST_CONTEXT = "the CDI request context";

    private final List<ManagedUnit> units;
    private final Guards guards;
    private Context current;

    ContextStack(List<ManagedUnit> units, Guards guards) {
        this.units = Objects.requireNonNull(units, "units");
        this.guards = Objects.requireNonNull(guards, "guards");
    }

    Context current() {
        Context context = current;
        if (context == null) {
            context = new Context(units, guards, null, REQUEST_CONTEXT, true);
            current = context;
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
            current = new Context(units, guards, null, openedBy, true);
        }
    }

    Context push(Object openedBy) {
        Context context = new Context(units, guards, current, openedBy, true);
        current = context;
        return context;
    }

    /** Puts another context in place, one this request context does not own, and returns the one it replaces. */
    Context swap(Context context) {
        Context previous = current;
        current = context;
        return previous;
    }

    void pop(Context context) {
        current = context.outer();
        context.close();
    }

    void closeAll() {
        for (Context context = current; context != null; context = context.outer()) {
            context.close();
        }
        current = null;
    }
}
