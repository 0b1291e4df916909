package io.github.forkscope.spi;

import java.util.Objects;

/**
 * Where the running {@link ForkscopeRuntime} of this class loader is found without a CDI lookup,
 * which costs more than the context it would open. The CDI extension registers its runtime when
 * the container has started and unregisters it at shutdown; when two containers run at once in
 * one class loader, none is registered and {@code Forkscope} falls back to {@code CDI.current()},
 * which tells them apart. Thread-safe.
 *
 * <pre>{@code
 * RuntimeRegistry.register(runtime);   // at deployment
 * RuntimeRegistry.unregister(runtime); // at shutdown
 * }</pre>
 */
public final class RuntimeRegistry {

    private static final Object LOCK = new Object();
    private static volatile ForkscopeRuntime current;
    private static volatile int registered;

    private RuntimeRegistry() {
    }

    /**
     * Registers a started runtime.
     *
     * @param runtime the runtime, not null
     */
    public static void register(ForkscopeRuntime runtime) {
        Objects.requireNonNull(runtime, "runtime");
        synchronized (LOCK) {
            registered++;
            current = registered == 1 ? runtime : null;
        }
    }

    /**
     * Unregisters a runtime whose container is shutting down.
     *
     * @param runtime the runtime given to {@link #register}
     */
    public static void unregister(ForkscopeRuntime runtime) {
        synchronized (LOCK) {
            registered = Math.max(0, registered - 1);
            if (current == runtime || registered != 1) {
                current = null;
            }
        }
    }

    /**
     * The one registered runtime.
     *
     * @return the runtime, or null when none or several are registered
     */
    public static ForkscopeRuntime current() {
        return current;
    }

    /**
     * Whether no runtime is registered: before the first container of this class loader has
     * started and after the last has shut down. A CDI lookup then finds no runtime, or waits for
     * a container still bootstrapping, so callers that may run inside a bootstrap (a thread context
     * provider, which servers call for their own tasks too) skip it.
     *
     * <pre>{@code
     * ForkscopeRuntime runtime = RuntimeRegistry.current();
     * if (runtime == null && !RuntimeRegistry.isEmpty()) {
     *     runtime = CDI.current().select(ForkscopeRuntime.class).get(); // several containers
     * }
     * }</pre>
     *
     * @return true when none is registered
     */
    public static boolean isEmpty() {
        return registered == 0;
    }
}
