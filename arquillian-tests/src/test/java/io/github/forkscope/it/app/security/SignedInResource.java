package io.github.forkscope.it.app.security;

import io.github.forkscope.it.app.Book;
import io.github.forkscope.it.app.TxService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** What the application sees of the book that the identity store loaded while it signed the caller in. */
@Path("/signed-in")
public class SignedInResource {

    @Inject
    EntityManager em;
    @Inject
    SignedIn signedIn;
    @Inject
    TxService tx;
    @Context
    SecurityContext security;

    /** Whether the caller's book, loaded again here, is the instance the identity store loaded. */
    @GET
    @Path("same")
    public String same() {
        if (security.getUserPrincipal() == null || signedIn.book == null) {
            return "nobody signed in";
        }
        Book mine = em.find(Book.class, Long.parseLong(security.getUserPrincipal().getName()));
        return security.getUserPrincipal().getName() + ": " + (mine == signedIn.book ? "same instance" : "another instance");
    }

    /** Renames the caller's book by a setter only, inside {@code @Transactional}. */
    @POST
    @Path("rename")
    public String rename(@QueryParam("title") String title) {
        tx.rename(signedIn.book, title);
        return "renamed";
    }
}
