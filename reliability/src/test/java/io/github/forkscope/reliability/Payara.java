package io.github.forkscope.reliability;

import java.nio.file.Path;
import java.util.Set;

/** A domain of Payara Server 6, the distribution the container tests unpack. */
final class Payara extends Domain {

    Payara(String name, boolean ticks, int base) {
        super(Path.of(System.getProperty("reliability.payara")), name, ticks, base);
    }

    /**
     * Payara Server 6 (6.2025.9, the newest on Maven Central) drops third-party context types from
     * some tasks submitted concurrently to one executor: its {@code ContextSetupProviderImpl} keeps
     * the context providers it looks up on each submission in one field shared by every submitting
     * thread, so one submission can find the map that another has just replaced with an empty one
     * (it then logs "Thread context provider 'Forkscope' is not registered ... and will be
     * ignored!"). Forkscope is not asked for such a task, which runs with no context: its first call
     * gets {@code FORKSCOPE-001}, never another request's fork.
     */
    @Override
    Set<String> droppedTaskContexts() {
        return Set.of("FORKSCOPE-001");
    }
}
