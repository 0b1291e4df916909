package io.github.forkscope.benchmarks.http.container;

import io.github.forkscope.benchmarks.Book;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** P4, baseline build: the same endpoint through a container-managed {@code @PersistenceContext}. */
@Path("/book")
@RequestScoped
public class BookEndpoint {
    @PersistenceContext
    EntityManager em;

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String title(@PathParam("id") long id) {
        return em.find(Book.class, id).getTitle();
    }
}
