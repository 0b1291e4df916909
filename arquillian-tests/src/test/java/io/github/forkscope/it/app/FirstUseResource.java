package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Uses the unit for the first time from a thread the application started, with no naming context of the server's. */
@Path("/first-use")
public class FirstUseResource {
    @Inject
    EntityManager em;

    @POST
    @Path("{id}")
    public String onAPlainThread(@PathParam("id") long id) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Forkscope.transactional(() -> em.persist(new Book(id, "from a plain thread", null)));
                outcome.complete("committed");
            } catch (Throwable e) {
                outcome.complete(e.toString());
            }
        }, "plain-thread");
        thread.start();
        return outcome.get(60, TimeUnit.SECONDS);
    }
}
