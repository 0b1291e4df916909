package io.github.forkscope.servlet;

import io.github.forkscope.spi.ContextHandle;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

import java.util.Objects;

/**
 * Closes a request's context once its async cycle is over, whichever way it ended: completed,
 * failed or timed out, and once the last task still running in it on a managed executor (the
 * continuation that completed the response, often) is over; a cycle started again from a dispatch
 * keeps it registered. Called by the
 * container, on one thread at a time.
 */
final class AsyncCycleEnd implements AsyncListener {

    private final ContextHandle context;

    AsyncCycleEnd(ContextHandle context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void onComplete(AsyncEvent event) {
        context.closeAfterTasks();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        context.closeAfterTasks();
    }

    @Override
    public void onError(AsyncEvent event) {
        context.closeAfterTasks();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
