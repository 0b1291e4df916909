package io.github.forkscope.benchmarks.http.forkscope;

import io.github.forkscope.benchmarks.Book;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.ThreadLocalRandom;

/** P4, Forkscope build: the read endpoint through the injected contextual EntityManager, and a write one. */
@Path("/book")
public class BookEndpoint {
    @Inject
    EntityManager em;
    @Inject
    Reprice reprice;

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String title(@PathParam("id") long id) {
        return em.find(Book.class, id).getTitle();
    }

    /**
     * Loads one of the ten books in the request, then changes it in a {@code @Transactional} method:
     * one commit per request, on a fork that manages an entity when the transaction begins.
     */
    @GET
    @Path("write")
    @Produces(MediaType.TEXT_PLAIN)
    public String write() {
        Book book = em.find(Book.class, ThreadLocalRandom.current().nextLong(1, 11));
        reprice.raise(book);
        return book.getTitle();
    }
}
