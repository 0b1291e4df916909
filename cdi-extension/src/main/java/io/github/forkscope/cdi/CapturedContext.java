package io.github.forkscope.cdi;

import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkInfo;

import java.util.List;
import java.util.Objects;

/**
 * A context captured for an integration that resumes it on other threads. Used by one thread at a
 * time, as the async request it belongs to is.
 */
final class CapturedContext implements ContextHandle {

    private final Context context;
    private final Contexts contexts;

    CapturedContext(Context context, Contexts contexts) {
        this.context = Objects.requireNonNull(context, "context");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    public <T, X extends Exception> T resume(Work<T, X> work) throws X {
        return contexts.resume(context, Objects.requireNonNull(work, "work"));
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public void closeAfterTasks() {
        context.closeAfterTasks();
    }

    @Override
    public List<ForkInfo> forks() {
        return context.forks().stream().map(Fork::info).toList();
    }
}
