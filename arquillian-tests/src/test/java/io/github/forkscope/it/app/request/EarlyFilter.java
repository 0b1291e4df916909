package io.github.forkscope.it.app.request;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/** Loads the request's book before the application runs, as a user-loading filter does, and says whether Forkscope's filter ran yet. */
public class EarlyFilter implements Filter {

    static final String BOOK = "early.book";
    static final String BEFORE_FORKSCOPE = "early.before-forkscope";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(BEFORE_FORKSCOPE, request.getAttribute("io.github.forkscope.spi.ContextHandle") == null);
        request.setAttribute(BOOK, CDI.current().select(EntityManager.class).get().find(Book.class, 1L));
        chain.doFilter(request, response);
    }
}
