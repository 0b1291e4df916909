package io.github.forkscope.servlet;

import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * Runs every HTTP request in a Forkscope context and closes its forks when the request is over:
 * right after the filter chain returns, or, when the request went asynchronous, when the async
 * cycle completes, fails or times out. The chain sees an {@link AsyncCapturingRequest}, which hands
 * the context to an async cycle the moment it starts, so that a {@code dispatch()} or
 * {@code complete()} issued before the chain returns still finds it. Every async dispatch of the
 * cycle resumes the same context, also on servers that do not carry the CDI request context over
 * to the dispatch thread. In a Jakarta EE server the request's CDI request context is the context
 * and the filter joins it; closing the forks here, rather than when the server destroys the
 * request context, hands the connection back as soon as the request is done. Thread-safe: request
 * state lives in the request's attributes.
 */
final class RequestContextFilter implements Filter {

    private static final String CONTEXT = ContextHandle.class.getName();

    private volatile ForkscopeRuntime runtime;

    @Override
    public void init(FilterConfig config) {
        runtime = CDI.current().select(ForkscopeRuntime.class).get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object resumed = request.getAttribute(CONTEXT);
        if (request.getDispatcherType() == DispatcherType.ASYNC && resumed instanceof ContextHandle context) {
            run(() -> context.resume(() -> {
                chain.doFilter(request, response);
                return null;
            }));
            return;
        }
        run(() -> runtime.callRequest(() -> {
            ContextHandle context = runtime.currentContext().orElseThrow();
            AsyncCapturingRequest capturing = new AsyncCapturingRequest((HttpServletRequest) request, context, CONTEXT);
            try {
                chain.doFilter(capturing, response);
            } finally {
                endWithTheRequest(request, capturing, context);
            }
            return null;
        }));
    }

    /**
     * Closes the context unless an async cycle took it over: through the capturing request, or,
     * when the application started the cycle on the unwrapped request, as the request now says.
     */
    private static void endWithTheRequest(ServletRequest request, AsyncCapturingRequest capturing, ContextHandle context) {
        if (!capturing.captured() && request.isAsyncStarted()) {
            capturing.capture(request.getAsyncContext());
        }
        if (!capturing.captured()) {
            context.close();
        }
    }

    /** Lets the chain's own exceptions through unchanged. */
    private static void run(Work<Void, Exception> work) throws IOException, ServletException {
        try {
            work.execute();
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
