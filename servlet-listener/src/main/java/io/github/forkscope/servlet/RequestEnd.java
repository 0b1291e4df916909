package io.github.forkscope.servlet;

import io.github.forkscope.spi.ContextHandle;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Closes a request's context as the request goes out of scope: after the filter chain and any
 * error page, so that the connection goes back as soon as the response is done; a context an async
 * cycle took over is closed by the cycle's end instead ({@link AsyncCycleEnd}). Called by the
 * container, on one thread at a time per request.
 */
final class RequestEnd implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        ServletRequest request = event.getServletRequest();
        if (request.getAttribute(RequestContextFilter.CONTEXT) instanceof ContextHandle context
                && request.getAttribute(AsyncCapturingRequest.CAPTURED) == null) {
            context.close();
        }
    }
}
