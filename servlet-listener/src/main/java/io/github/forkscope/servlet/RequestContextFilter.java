package io.github.forkscope.servlet;

import io.github.forkscope.RequestContextual;
import io.github.forkscope.spi.ForkscopeRuntime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
 * cycle completes, fails or times out, so that one fork serves every dispatch of the cycle. In a
 * Jakarta EE server the request's CDI request context is that context and the filter joins it;
 * closing the forks here, rather than when the server destroys the request context, hands the
 * connection back as soon as the request is done. Thread-safe: it holds no request state.
 */
final class RequestContextFilter implements Filter {

    private volatile ForkscopeRuntime runtime;

    @Override
    public void init(FilterConfig config) {
        runtime = CDI.current().select(ForkscopeRuntime.class).get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            runtime.call(RequestContextual.Mode.ENSURE, () -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    endWithTheRequest(request);
                }
                return null;
            });
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private void endWithTheRequest(ServletRequest request) {
        Runnable closeForks = runtime.forkCloser();
        if (request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncCycleEnd(closeForks));
        } else {
            closeForks.run();
        }
    }

    /** Closes the forks once the async cycle is over, whichever way it ended. */
    private static final class AsyncCycleEnd implements AsyncListener {
        private final Runnable closeForks;

        AsyncCycleEnd(Runnable closeForks) {
            this.closeForks = closeForks;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            closeForks.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            closeForks.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            closeForks.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
