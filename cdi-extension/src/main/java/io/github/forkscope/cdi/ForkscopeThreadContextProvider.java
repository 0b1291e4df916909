package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

import java.util.Map;

/**
 * Forkscope's context type in Jakarta Concurrency, which the server finds through
 * {@code META-INF/services} in the application's class loader. Propagated (the default), a task
 * submitted from inside a context runs in that same context and its forks, through their thread
 * guard, and an async cycle's context stays open until the last such task is over; a task that
 * starts after its context ended gets {@code FORKSCOPE-102}. Cleared, each task runs in a fresh
 * context of its own, closed when the task ends. A task submitted from no context, while the
 * application is not running (during its deployment, after its undeploy) or begun after it stopped
 * runs as it always did: the provider never asks CDI then and never throws. Thread-safe and
 * stateless; its snapshots are used by one thread at a time.
 */
public final class ForkscopeThreadContextProvider implements ThreadContextProvider {

    private static final ThreadContextRestorer NOTHING_TO_RESTORE = () -> { };
    private static final ThreadContextSnapshot NO_CONTEXT = () -> NOTHING_TO_RESTORE;
    private static final String CLEARED = "a task run with the " + Forkscope.THREAD_CONTEXT_TYPE + " thread context cleared";

    /** Called by the server's {@code ServiceLoader}. */
    public ForkscopeThreadContextProvider() {
    }

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> executionProperties) {
        RuntimeBean runtime = RuntimeBean.running();
        Section section = runtime == null ? null : runtime.contexts().capture();
        return section == null ? NO_CONTEXT : () -> begin(runtime, section, null);
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> executionProperties) {
        RuntimeBean runtime = RuntimeBean.running();
        return runtime == null ? NO_CONTEXT : () -> begin(runtime, null, CLEARED);
    }

    // A snapshot taken while the application ran may begin after it stopped (a task that starts
    // late, after an undeploy): its container can no longer activate anything, so the task runs
    // with no context rather than failing inside the server's executor.
    private static ThreadContextRestorer begin(RuntimeBean runtime, Section captured, Object openedBy) {
        if (runtime.stopped()) {
            return NOTHING_TO_RESTORE;
        }
        try {
            return runtime.contexts().task(captured, openedBy)::end;
        } catch (RuntimeException e) {
            if (runtime.stopped()) {
                return NOTHING_TO_RESTORE; // it stopped while the task began
            }
            throw e;
        }
    }

    @Override
    public String getThreadContextType() {
        return Forkscope.THREAD_CONTEXT_TYPE;
    }

}
