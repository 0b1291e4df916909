package com.example.bookstore;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/** Endpoints that make Forkscope's behaviour visible; {@code tour.sh} calls them. */
@Path("/tour")
@Produces(MediaType.APPLICATION_JSON)
// an executor of the application's own, whose context service propagates every context type the
// server knows, Forkscope's included: the default executors of some servers (Open Liberty) clear
// third-party context types
@ContextServiceDefinition(name = "java:module/concurrent/Propagating")
@ManagedExecutorDefinition(name = "java:module/concurrent/Tasks", context = "java:module/concurrent/Propagating")
public class TourResource {

    @Inject
    EntityManager em;
    @Inject
    Catalog catalog;
    @Resource(lookup = "java:module/concurrent/Tasks")
    ManagedExecutorService executor;

    /**
     * Loads one book three ways within one request: {@code find}, a query, and another bean.
     * All three return the same instance (one identity map per request); another request gets
     * another fork.
     */
    @GET
    @Path("identity/{id}")
    public Map<String, Object> identity(@PathParam("id") long id) {
        Book found = em.find(Book.class, id);
        if (found == null) {
            throw new NotFoundException("there is no book " + id);
        }
        Book queried = em.createQuery("select b from Book b where b.id = :id", Book.class)
                .setParameter("id", id)
                .getSingleResult();
        Book viaCatalog = catalog.find(id).orElseThrow();
        return Map.of("sameInstance", found == queried && queried == viaCatalog, "fork", Activity.currentFork());
    }

    /**
     * Reads a book on another thread. On a task of the managed executor (the default), the task
     * runs in the request's context and reads through the request's fork. On a thread the
     * application starts itself ({@code thread=own}) there is no context, and the read fails with
     * FORKSCOPE-001; with {@code inContext} that thread wraps the read in {@code Forkscope.call},
     * which gives it a context (and a fork) of its own.
     */
    @GET
    @Path("background/{id}")
    public Response background(@PathParam("id") long id, @QueryParam("thread") String thread,
                               @QueryParam("inContext") boolean inContext) throws InterruptedException {
        Executor where = "own".equals(thread) ? task -> new Thread(task, "bookstore-worker").start() : executor;
        try {
            String title = CompletableFuture.supplyAsync(() -> inContext
                    ? Forkscope.call(() -> titleAndFork(id))
                    : titleAndFork(id), where).get();
            return Response.ok(Map.of("read", title, "requestFork", Activity.currentFork())).build();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof GlobalContextException outside) {
                return Response.status(Response.Status.INTERNAL_SERVER_ERROR).entity(ErrorView.of(outside)).build();
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    private String titleAndFork(long id) {
        return em.find(Book.class, id).getTitle() + " (on " + Activity.currentFork() + ")";
    }
}
