package io.github.forkscope.it.app.request;

import io.github.forkscope.it.app.Book;
import io.github.forkscope.it.app.TxService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/** What the application sees of the book the early filter loaded. */
@Path("/early")
public class EarlyResource {
    @Inject
    EntityManager em;
    @Inject
    TxService tx;
    @Context
    HttpServletRequest request;

    /** Whether the book the listener and the other library's filter loaded is the one the application gets. */
    @GET
    @Path("same")
    public String same() {
        Book mine = em.find(Book.class, 1L);
        return "listener: " + (mine == request.getAttribute(EarlyListener.BOOK) ? "same instance" : "another instance")
                + ", filter: " + (mine == request.getAttribute(EarlyFilter.BOOK) ? "same instance" : "another instance")
                + " (it ran before Forkscope's: " + request.getAttribute(EarlyFilter.BEFORE_FORKSCOPE) + ")";
    }

    /** Changes the book the listener loaded by a setter only, inside {@code @Transactional}. */
    @POST
    @Path("rename")
    public String rename(@QueryParam("title") String title) {
        tx.rename((Book) request.getAttribute(EarlyListener.BOOK), title);
        return "renamed";
    }
}
