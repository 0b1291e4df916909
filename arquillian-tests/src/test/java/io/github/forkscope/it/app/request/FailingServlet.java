package io.github.forkscope.it.app.request;

import io.github.forkscope.it.app.Book;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Loads a book, then fails, so that the container dispatches to the application's error page. */
@WebServlet("/fail")
public class FailingServlet extends HttpServlet {

    static final String BOOK = "failing.book";

    @Inject
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        request.setAttribute(BOOK, em.find(Book.class, 1L));
        throw new ServletException("failed on purpose");
    }
}
