package io.github.forkscope.cdi;

import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;

import java.util.Objects;

/**
 * A frame captured for an integration that resumes it on other threads. Used by one thread at a
 * time, as the async request it belongs to is.
 */
final class FrameHandle implements ContextHandle {

    private final Frame frame;
    private final ContextRunner contexts;

    FrameHandle(Frame frame, ContextRunner contexts) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    public <T, X extends Exception> T resume(Work<T, X> work) throws X {
        return contexts.resume(frame, Objects.requireNonNull(work, "work"));
    }

    @Override
    public void close() {
        frame.close();
    }
}
