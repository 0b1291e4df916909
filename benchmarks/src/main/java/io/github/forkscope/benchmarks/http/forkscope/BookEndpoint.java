package io.github.forkscope.benchmarks.http.forkscope;

import io.github.forkscope.benchmarks.Book;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** P4, Forkscope build: the read endpoint through the injected contextual EntityManager. */
@Path("/book")
public class BookEndpoint {
    @Inject
    EntityManager em;

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String title(@PathParam("id") long id) {
        return em.find(Book.class, id).getTitle();
    }
}
