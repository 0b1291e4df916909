package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeMetrics;
import io.github.forkscope.RequestContextual;
import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkscopeRuntime;
import io.github.forkscope.spi.OpenContext;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * The {@link ForkscopeRuntime} behind the static {@code Forkscope} API: contexts come from
 * {@link Contexts}, transactions from {@link UnitTransaction}. Thread-safe.
 */
@Singleton
class RuntimeBean implements ForkscopeRuntime {

    private Contexts contexts;
    private ForkscopeExtension extension;
    private volatile boolean stopped;

    RuntimeBean() {
    }

    @Inject
    RuntimeBean(Contexts contexts, ForkscopeExtension extension) {
        this.contexts = contexts;
        this.extension = extension;
    }

    /**
     * The running application's runtime, or null when its container is not running (being deployed
     * or undeployed). CDI is asked only when several runtimes of this class loader are registered:
     * asked while Weld still bootstraps, it would wait for the bootstrap, and Open Liberty runs the
     * bootstrap on executors whose thread context providers call this.
     */
    static RuntimeBean running() {
        ForkscopeRuntime runtime = RuntimeRegistry.current();
        if (runtime == null && !RuntimeRegistry.isEmpty()) {
            try {
                runtime = CDI.current().select(ForkscopeRuntime.class).get();
            } catch (RuntimeException notReady) {
                return null; // no container here, or one still resolving its beans
            }
        }
        return runtime instanceof RuntimeBean bean ? bean : null;
    }

    Contexts contexts() {
        return contexts;
    }

    /** Marks the runtime stopped: its container has begun to shut down, and its beans are about to become unusable. */
    void stop() {
        stopped = true;
    }

    /** Whether {@link #stop()} was called; safe to ask from any thread after the container is gone. */
    boolean stopped() {
        return stopped;
    }

    /** The contextual EntityManager of a unit, as {@code @Inject @Unit(name) EntityManager} gives it. */
    EntityManager entityManager(String unitName) {
        return extension.entityManager(unitName);
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
        ContextStack stack = contexts.activeStack();
        if (stack == null) {
            return Optional.empty();
        }
        Fork fork = stack.fork(unit, "Forkscope.currentEntityManager");
        try {
            return Optional.of(fork.view(contexts));
        } finally {
            fork.exit();
        }
    }

    /**
     * A resource-local transaction runs on the fork, entered for the whole work. A JTA transaction
     * that this call begins is a transaction boundary like {@code @Transactional}: a section of the
     * context's transaction stack, ended by its completion, whose forks join it.
     */
    @Override
    public <T, X extends Exception> T transactional(String unitName, Work<T, X> work) throws X {
        ManagedUnit unit = extension.units().get(unitName);
        return contexts.call(RequestContextual.Mode.ENSURE, "Forkscope.transactional", () -> {
            if (!unit.resourceLocal()) {
                contexts.boundary(); // an active transaction the application began itself becomes a section
                return new JtaTransaction(unit.jta(), extension.entityManager(unit.name()), contexts::boundary)
                        .run(unit.name(), work);
            }
            Fork fork = contexts.activeStack().fork(unit, "Forkscope.transactional");
            try {
                return new ResourceLocalTransaction(fork).run(unit.name(), work);
            } finally {
                fork.exit();
            }
        });
    }

    @Override
    public OpenContext openContext(String openedBy) {
        Contexts.Binding binding = contexts.open(java.util.Objects.requireNonNull(openedBy, "openedBy"));
        CapturedContext handle = new CapturedContext(binding.context(), contexts);
        return new OpenContext() {
            private boolean closed;

            @Override
            public ContextHandle context() {
                return handle;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    binding.end();
                }
            }
        };
    }

    @Override
    public List<String> unitNames() {
        return extension.units().names();
    }

    @Override
    public ForkscopeMetrics metrics() {
        return extension.metrics();
    }

    @Override
    public Optional<ContextHandle> currentContext() {
        Context context = contexts.activeContext();
        return context == null ? Optional.empty() : Optional.of(new CapturedContext(context, contexts));
    }
}
