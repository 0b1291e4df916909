package io.github.forkscope.it.app.request;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/** Loads the request's book before every filter, as code that runs as a request begins does. */
@WebListener
public class EarlyListener implements ServletRequestListener {

    static final String BOOK = "listener.book";

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request && request.getRequestURI().contains("/api/early/")) {
            request.setAttribute(BOOK, CDI.current().select(EntityManager.class).get().find(Book.class, 1L));
        }
    }
}
