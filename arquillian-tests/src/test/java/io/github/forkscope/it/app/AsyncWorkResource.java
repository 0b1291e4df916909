package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Async JAX-RS resources written as an application would, with no Forkscope call in the async
 * code: continuations on the server's default ManagedExecutorService, which propagates the
 * request's context, and on one whose context service clears it. Each answers what its code saw;
 * {@code last} tells whether the provider's EntityManager of the last request is closed by now,
 * and how many connections the server's pool has checked out.
 */
@Path("/async-work")
@Produces(MediaType.APPLICATION_JSON)
@ContextServiceDefinition(name = "java:module/concurrent/OwnContextPerTask", cleared = Forkscope.THREAD_CONTEXT_TYPE)
@ContextServiceDefinition(name = "java:module/concurrent/Propagating")
@ManagedExecutorDefinition(name = "java:module/concurrent/OwnContextPerTaskExecutor", context = "java:module/concurrent/OwnContextPerTask")
@ManagedExecutorDefinition(name = "java:module/concurrent/PropagatingExecutor", context = "java:module/concurrent/Propagating")
@ManagedScheduledExecutorDefinition(name = "java:module/concurrent/PropagatingScheduler", context = "java:module/concurrent/Propagating")
public class AsyncWorkResource {

    private static volatile EntityManager lastProvider;
    private static volatile CountDownLatch requestOver;
    private static volatile Future<String> fireAndForget;
    private static volatile CountDownLatch timedOut;
    private static volatile CompletableFuture<String> timedOutTask;
    private static volatile ForkscopeWarnings warnings;
    private static volatile CountDownLatch swallowed;

    @Inject
    EntityManager em;
    @Inject
    TxService tx;
    /**
     * The server's default executors. Open Liberty's propagate no third-party context, so there the
     * test deployment's web.xml maps these references to the propagating ones defined above.
     */
    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedScheduledExecutorService scheduler;
    /** Defined rather than the default one, which Payara 6 sets up without third-party context types. */
    @Resource(lookup = "java:module/concurrent/Propagating")
    ContextService contextService;
    @Resource(lookup = "java:module/concurrent/OwnContextPerTaskExecutor")
    ManagedExecutorService ownContextPerTask;

    @GET
    @Path("stage/{id}")
    public CompletionStage<String> stage(@PathParam("id") long id) {
        Loaded loaded = load(id);
        return CompletableFuture.supplyAsync(() -> seen(loaded), executor);
    }

    /** A task submitted from inside a JTA transaction, joined there: it reaches the request's section. */
    @GET
    @Path("in-transaction/{id}")
    public String inTransaction(@PathParam("id") long id) {
        return tx.within(() -> {
            Loaded loaded = load(id);
            return CompletableFuture.supplyAsync(() -> seen(loaded), executor).join();
        });
    }

    @GET
    @Path("suspended/{id}")
    public void suspended(@PathParam("id") long id, @Suspended AsyncResponse response) {
        Loaded loaded = load(id);
        executor.execute(() -> response.resume(seen(loaded)));
    }

    @GET
    @Path("scheduled/{id}")
    public CompletionStage<String> scheduled(@PathParam("id") long id) {
        Loaded loaded = load(id);
        CompletableFuture<String> seen = new CompletableFuture<>();
        scheduler.schedule(() -> seen.complete(seen(loaded)), 20, TimeUnit.MILLISECONDS);
        return seen;
    }

    /** A task wrapped by the ContextService and run on a thread the application started itself. */
    @GET
    @Path("context-service/{id}")
    public CompletionStage<String> contextService(@PathParam("id") long id) {
        Loaded loaded = load(id);
        CompletableFuture<String> seen = new CompletableFuture<>();
        Runnable task = contextService.contextualRunnable(() -> seen.complete(seen(loaded)));
        new Thread(task, "started-by-the-application").start();
        return seen;
    }

    @GET
    @Path("own-context/{id}")
    public CompletionStage<String> ownContext(@PathParam("id") long id) {
        Loaded loaded = load(id);
        return CompletableFuture.supplyAsync(() -> seen(loaded), ownContextPerTask);
    }

    /** What the request's thread loaded, and where, before it handed the work over. */
    private record Loaded(Book book, EntityManager fork, String thread) {
    }

    private Loaded load(long id) {
        return new Loaded(em.find(Book.class, id), current(), Thread.currentThread().getName());
    }

    /** What the continuation sees: the request's instance and fork, on a thread of its own. */
    private String seen(Loaded loaded) {
        Book found = em.find(Book.class, loaded.book().getId());
        EntityManager mine = current();
        lastProvider = (EntityManager) mine.getDelegate();
        return "{\"sameInstance\":" + (found == loaded.book()) + ",\"sameFork\":" + (mine == loaded.fork())
                + ",\"otherThread\":" + !Thread.currentThread().getName().equals(loaded.thread()) + "}";
    }

    @GET
    @Path("last")
    public String last() throws Exception {
        return "{\"open\":" + lastProvider.isOpen() + ",\"connectionsInUse\":" + DefaultDataSourcePool.inUse() + "}";
    }

    /** The connections of the server's pool checked out now, before a test's requests. */
    @GET
    @Path("in-use")
    public String inUse() throws Exception {
        return Long.toString(DefaultDataSourcePool.inUse());
    }

    /** A synchronous request hands a task to the executor that runs on after the response was sent. */
    @POST
    @Path("fire-and-forget")
    public String fireAndForget() {
        em.find(Book.class, 1L);
        CountDownLatch over = new CountDownLatch(1);
        requestOver = over;
        fireAndForget = executor.submit(() -> {
            over.await(30, TimeUnit.SECONDS);
            try {
                return "found " + em.find(Book.class, 1L).getTitle();
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        return "submitted";
    }

    @GET
    @Path("fire-and-forget")
    public String fireAndForgetOutcome() throws Exception {
        requestOver.countDown();
        return fireAndForget.get(30, TimeUnit.SECONDS);
    }

    /**
     * The async response times out while its task is in the middle of a load: the load finishes,
     * and the task reports whether its call failed and whether the fork was still open then.
     */
    @GET
    @Path("timeout")
    public void timeout(@Suspended AsyncResponse response) {
        CountDownLatch timeout = new CountDownLatch(1);
        timedOut = timeout;
        response.setTimeoutHandler(r -> {
            timeout.countDown();
            r.resume(Response.status(Response.Status.SERVICE_UNAVAILABLE).entity("{\"timedOut\":true}").build());
        });
        response.setTimeout(300, TimeUnit.MILLISECONDS);
        CompletableFuture<String> task = new CompletableFuture<>();
        timedOutTask = task;
        executor.execute(() -> {
            StringBuilder outcome = new StringBuilder();
            Book.onLoad = () -> {
                Book.onLoad = () -> { };
                try {
                    outcome.append("timed out: ").append(timeout.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            try {
                String title = em.find(Book.class, 1L).getTitle();
                lastProvider = (EntityManager) current().getDelegate();
                outcome.append(", then loaded ").append(title).append(" with the fork open: ").append(lastProvider.isOpen());
            } catch (RuntimeException e) {
                outcome.append(", then ").append(e);
            }
            task.complete(outcome.toString());
        });
    }

    @GET
    @Path("timeout/outcome")
    public String timeoutOutcome() throws Exception {
        return timedOutTask.get(30, TimeUnit.SECONDS);
    }

    /** A hundred fire-and-forget tasks fail after their request, from one line, and nobody reads their futures. */
    @POST
    @Path("swallowed")
    public String swallowed() {
        em.find(Book.class, 1L);
        warnings = ForkscopeWarnings.capture();
        CountDownLatch over = new CountDownLatch(1);
        requestOver = over;
        CountDownLatch done = new CountDownLatch(100);
        swallowed = done;
        for (int i = 0; i < 100; i++) {
            executor.submit(() -> {
                try {
                    over.await(30, TimeUnit.SECONDS);
                    return em.find(Book.class, 1L);
                } finally {
                    done.countDown();
                }
            });
        }
        return "submitted";
    }

    /** Answers the warnings the hundred tasks logged that name their call site. */
    @GET
    @Path("swallowed")
    @Produces(MediaType.TEXT_PLAIN)
    public String swallowedWarnings() throws InterruptedException {
        requestOver.countDown();
        try (ForkscopeWarnings capture = warnings) {
            if (!swallowed.await(30, TimeUnit.SECONDS)) {
                return "tasks did not finish";
            }
            return String.join("\n", capture.messages().stream().filter(m -> m.contains("AsyncWorkResource")).toList());
        }
    }

    private static EntityManager current() {
        return Forkscope.currentEntityManager().orElseThrow();
    }
}
