package io.github.forkscope.it.app.request;

import io.github.forkscope.it.app.Book;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The application's error page: says whether it reaches the failed request's fork. */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    @Inject
    EntityManager em;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean same = em.find(Book.class, 1L) == request.getAttribute(FailingServlet.BOOK);
        response.getWriter().write(same ? "same instance" : "another instance");
    }
}
