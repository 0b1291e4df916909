package io.github.forkscope.servlet;

import io.github.forkscope.Work;
import io.github.forkscope.spi.ContextHandle;
import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * Runs every HTTP request in a Forkscope context and closes its forks when the request is over:
 * right after the filter chain returns, or, when the request went asynchronous, when the async
 * cycle completes, fails or times out. Every async dispatch of the cycle resumes the same context,
 * also on servers that do not carry the CDI request context over to the dispatch thread. In a
 * Jakarta EE server the request's CDI request context is the context and the filter joins it;
 * closing the forks here, rather than when the server destroys the request context, hands the
 * connection back as soon as the request is done. Thread-safe: request state lives in the
 * request's attributes.
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
            try {
                chain.doFilter(request, response);
            } finally {
                endWithTheRequest(request);
            }
            return null;
        }));
    }

    private void endWithTheRequest(ServletRequest request) {
        runtime.currentContext().ifPresent(context -> {
            if (request.isAsyncStarted()) {
                request.setAttribute(CONTEXT, context);
                request.getAsyncContext().addListener(new AsyncCycleEnd(context));
            } else {
                context.close();
            }
        });
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

    /** Closes the context once the async cycle is over, whichever way it ended. */
    private static final class AsyncCycleEnd implements AsyncListener {
        private final ContextHandle context;

        AsyncCycleEnd(ContextHandle context) {
            this.context = context;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            context.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            context.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            context.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
