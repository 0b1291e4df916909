package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An async servlet: the first dispatch loads a book and goes asynchronous; a second dispatch
 * reports whether it reached the same fork and whether that fork still manages the book. The
 * second dispatch is asked for from another thread at once, racing the first dispatch's return,
 * or, with {@code early}, on the request's thread before it returns. With {@code timeout} set, the
 * cycle is never completed and ends by timing out. {@code /async/last} tells whether the fork of
 * the last cycle is still open.
 */
@WebServlet(urlPatterns = {"/async", "/async/last"}, asyncSupported = true)
public class AsyncBookServlet extends HttpServlet {

    private static volatile EntityManager lastFork;
    private static volatile Book lastBook;

    @Inject
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/async/last")) {
            response.getWriter().print("{\"open\":" + lastFork.isOpen() + "}");
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            boolean managed = em.contains(lastBook);
            boolean same = Forkscope.currentEntityManager().orElseThrow() == lastFork;
            response.getWriter().print("{\"sameFork\":" + same + ",\"stillManaged\":" + managed
                    + ",\"openDuringCycle\":" + lastFork.isOpen() + "}");
            return;
        }
        lastBook = em.find(Book.class, 1L);
        lastFork = Forkscope.currentEntityManager().orElseThrow();
        AsyncContext async = request.startAsync();
        if (request.getParameter("timeout") != null) {
            async.setTimeout(300);
            return;
        }
        async.setTimeout(10_000);
        if (request.getParameter("early") != null) {
            async.dispatch();
        } else {
            async.start(async::dispatch);
        }
    }
}
