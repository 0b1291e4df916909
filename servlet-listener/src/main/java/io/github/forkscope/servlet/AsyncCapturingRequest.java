package io.github.forkscope.servlet;

import io.github.forkscope.spi.ContextHandle;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Objects;

/**
 * The request as the filter chain sees it: when the application starts an async cycle, the
 * request's context is captured there and then, for the cycle's dispatches to resume and its end
 * to close. Capturing at {@code startAsync} rather than after the chain returns matters because
 * {@code isAsyncStarted()} is already false again once {@code dispatch()} or {@code complete()}
 * was called, however early. Used by the request's own threads, one at a time.
 */
final class AsyncCapturingRequest extends HttpServletRequestWrapper {

    /** The request attribute set once an async cycle took the context over, so that the request's end leaves it to the cycle. */
    static final String CAPTURED = AsyncCapturingRequest.class.getName();

    private final ContextHandle context;
    private boolean captured;

    AsyncCapturingRequest(HttpServletRequest request, ContextHandle context) {
        super(request);
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public AsyncContext startAsync() {
        return capture(super.startAsync());
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        return capture(super.startAsync(request, response));
    }

    /** Hands the context to the async cycle, once: its dispatches resume it, its end closes it. */
    AsyncContext capture(AsyncContext async) {
        if (!captured) {
            captured = true;
            getRequest().setAttribute(CAPTURED, Boolean.TRUE);
            async.addListener(new AsyncCycleEnd(context));
        }
        return async;
    }

    /** Whether an async cycle took the context over, so that the end of the request must not close it. */
    boolean captured() {
        return captured;
    }
}
