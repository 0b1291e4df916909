package io.github.forkscope.it.app.unit;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The first use of a unit in an application where no class declares
 * {@code @PersistenceUnit(name = "forkscope/<unit>")}: it works where the server hands the factory
 * over by itself, and otherwise answers the code of the error that names the line to add.
 */
@Path("/unit")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
public class UnitResource {

    @Inject
    EntityManager em;

    @POST
    @Path("{id}")
    @Transactional
    public String persist(@PathParam("id") long id) {
        try {
            em.persist(new Book(id, "without a unit declaration", null));
            return "persisted";
        } catch (IllegalStateException e) {
            return e.getMessage().substring(0, e.getMessage().indexOf(':'));
        }
    }
}
