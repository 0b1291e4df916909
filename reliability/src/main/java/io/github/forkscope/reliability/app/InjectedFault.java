package io.github.forkscope.reliability.app;

/**
 * A failure the harness asks for (a handler or a timer tick that throws after writing), so that
 * the client can tell it from a real one. Immutable, thread-safe.
 */
public class InjectedFault extends RuntimeException {

    public InjectedFault(String what) {
        super("injected: " + what);
    }
}
