package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeMetrics;
import io.github.forkscope.RequestContextual;
import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.Optional;

/**
 * The {@link ForkscopeRuntime} behind the static {@code Forkscope} API: contexts come from
 * {@link ContextRunner}, transactions from {@link UnitTransaction}. Thread-safe.
 */
@Singleton
class RuntimeBean implements ForkscopeRuntime {

    private ContextRunner contexts;
    private ForkscopeExtension extension;

    RuntimeBean() {
    }

    @Inject
    RuntimeBean(ContextRunner contexts, ForkscopeExtension extension) {
        this.contexts = contexts;
        this.extension = extension;
    }

    @Override
    public <T, X extends Exception> T call(RequestContextual.Mode mode, Work<T, X> work) throws X {
        return contexts.call(mode, mode == RequestContextual.Mode.CREATE ? "Forkscope.run/call" : "Forkscope.ensureRun/ensureCall", work);
    }

    @Override
    public <T, X extends Exception> T callRequest(Work<T, X> work) throws X {
        return contexts.request("the HTTP request", work);
    }

    @Override
    public Optional<EntityManager> currentEntityManager(String unitName) {
        ManagedUnit unit = extension.units().get(unitName);
        Frame frame = contexts.activeFrame();
        return frame == null ? Optional.empty() : Optional.of(frame.fork(unit).view());
    }

    @Override
    public <T, X extends Exception> T transactional(String unitName, Work<T, X> work) throws X {
        ManagedUnit unit = extension.units().get(unitName);
        return contexts.call(RequestContextual.Mode.ENSURE, "Forkscope.transactional", () -> {
            Fork fork = contexts.activeFrame().fork(unit).enter("Forkscope.transactional");
            try {
                return unit.transaction(fork.em()).run(unit.name(), work);
            } finally {
                fork.exit();
            }
        });
    }

    @Override
    public ForkscopeMetrics metrics() {
        return extension.metrics();
    }

    @Override
    public Optional<ContextHandle> currentContext() {
        Frame frame = contexts.activeFrame();
        return frame == null ? Optional.empty() : Optional.of(new FrameHandle(frame, contexts));
    }
}
