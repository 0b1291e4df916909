package io.github.forkscope.reliability.app;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The two-instance scenario: renames through one instance, reads through the other, either in the
 * request's own fork or on a thread the application started (the global fork, with the escape
 * hatch on). A new instance per request; the beans it calls are thread-safe.
 */
@Path("two")
@Produces(MediaType.TEXT_PLAIN)
public class TwoInstancesResource {

    @Inject
    EntityManager em;
    @Inject
    Writes writes;
    @Inject
    OutsideThreads outside;
    @Inject
    OpenForks openForks;

    @POST
    @Path("rename")
    public String rename(@QueryParam("id") long id, @QueryParam("note") String note) {
        writes.rename(id, note);
        return "renamed " + id + " " + note + "\n";
    }

    @GET
    @Path("read")
    public String read(@QueryParam("id") long id) {
        String note = em.find(Item.class, id).getNote();
        openForks.watchCurrent();
        return "note " + note + "\n";
    }

    @GET
    @Path("read-outside")
    public String readOutside(@QueryParam("id") long id) throws InterruptedException, ExecutionException {
        try {
            return CompletableFuture.supplyAsync(() -> "note " + em.find(Item.class, id).getNote() + "\n", outside.pool()).get();
        } catch (ExecutionException e) {
            // the task's own exception, so that the error mapper classifies it
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
