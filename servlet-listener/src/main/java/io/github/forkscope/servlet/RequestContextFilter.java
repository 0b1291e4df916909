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
 * Runs every HTTP request in a Forkscope context. In a Jakarta EE server the request's CDI request
 * context holds that context, so that everything the request runs shares its forks: code that ran
 * before this filter (an authentication mechanism, a filter another library registered first), the
 * chain, and an error page dispatched after it. The filter binds that context to the request's
 * thread for the length of the chain, for calls to find it with one thread-local read; the
 * {@link RequestEnd} listener closes it as the request goes out of scope, after the error page,
 * unless an async cycle took it over: the chain sees an {@link AsyncCapturingRequest}, which hands
 * the context to the cycle the moment it starts, so that a {@code dispatch()} or {@code complete()}
 * issued before the chain returns still finds it, and every async dispatch of the cycle resumes
 * the same context, also on servers that do not carry the CDI request context over to the dispatch
 * thread. Thread-safe: request state lives in the request's attributes.
 */
final class RequestContextFilter implements Filter {

    /** The request attribute that holds the request's context. */
    static final String CONTEXT = ContextHandle.class.getName();

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
            request.setAttribute(CONTEXT, context);
            AsyncCapturingRequest capturing = new AsyncCapturingRequest((HttpServletRequest) request, context);
            try {
                chain.doFilter(capturing, response);
            } finally {
                if (!capturing.captured() && request.isAsyncStarted()) {
                    capturing.capture(request.getAsyncContext()); // the application started it on the unwrapped request
                }
            }
            return null;
        }));
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
