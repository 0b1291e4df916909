package io.github.forkscope.reliability.app;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.Forkscope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The entry points the load client drives, each answering with a {@link Report} of what it wrote
 * and read: reads, transactional writes (committed, refused, failing in or after the transaction),
 * async reads on the managed executor, suspended responses that may time out, executor tasks with
 * contexts of their own, messages, and a parallel stream racing into the request's fork. A new
 * instance per request; the beans it calls are thread-safe.
 */
@Path("work")
@Produces(MediaType.TEXT_PLAIN)
public class WorkResource {

    /** Rows 1..SHARED, seeded by the harness, that every request may read and refused writes touch. */
    static final int SHARED = 100;

    @Inject
    EntityManager em;
    @Inject
    Writes writes;
    @Inject
    TaskWriter taskWriter;
    @Inject
    OpenForks openForks;
    @Inject
    JMSContext jms;
    @Resource(lookup = WorkListener.QUEUE)
    Queue queue;
    @Resource
    ManagedExecutorService executor;

    @GET
    @Path("read")
    public String read(@QueryParam("tag") String tag, @QueryParam("ids") String ids) {
        return readReport(tag, ids).toString();
    }

    /** The same read, continued on the managed executor in the request's context. */
    @GET
    @Path("async-read")
    public CompletionStage<String> asyncRead(@QueryParam("tag") String tag, @QueryParam("ids") String ids) {
        return CompletableFuture.supplyAsync(() -> readReport(tag, ids).toString(), executor);
    }

    /** A read that a task answers after {@code millis}; the response times out after {@code timeout} ms. */
    @GET
    @Path("suspended")
    public void suspended(@Suspended AsyncResponse response, @QueryParam("tag") String tag, @QueryParam("ids") String ids,
                          @QueryParam("millis") long millis, @QueryParam("timeout") long timeout) {
        response.setTimeout(timeout, TimeUnit.MILLISECONDS);
        response.setTimeoutHandler(late -> late.resume(
                Response.status(503).type(MediaType.TEXT_PLAIN).entity("error ASYNC-TIMEOUT after " + timeout + " ms\n").build()));
        executor.submit(() -> {
            try {
                Thread.sleep(millis);
                response.resume(readReport(tag, ids).toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.resume(e);
            } catch (RuntimeException e) {
                response.resume(e);
            }
        });
    }

    /** {@code outcome}: commit, refuse, throw-in-tx, throw-after-commit, slow (holds the transaction {@code millis}). */
    @POST
    @Path("write")
    public String write(@QueryParam("tag") String tag, @QueryParam("id") long id, @QueryParam("outcome") String outcome,
                        @QueryParam("shared") long shared, @QueryParam("millis") long millis) throws InterruptedException {
        Report report = new Report(tag);
        switch (outcome) {
            case "commit":
                return report.wrote(id).read(writes.create(id, "http", tag)).toString();
            case "refuse":
                writes.createThenRefuse(id, tag, shared);
                throw new IllegalStateException("unreachable");
            case "throw-in-tx":
                writes.createThenFail(id, tag, shared);
                throw new IllegalStateException("unreachable");
            case "throw-after-commit":
                writes.create(id, "http", tag);
                throw new InjectedFault("handler threw after committing " + id);
            case "slow":
                return report.wrote(id).read(writes.createSlowly(id, tag, millis)).toString();
            default:
                throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    /** Waits for a managed-executor task that writes in a context of its own. */
    @POST
    @Path("task")
    public String task(@QueryParam("tag") String tag, @QueryParam("id") long id)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return executor.submit(() -> taskWriter.write(id, tag)).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the task's own exception, so that the error mapper classifies it
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /** Queues a message whose delivery writes the row; {@code failFirst} rolls the first delivery back. */
    @POST
    @Path("message")
    public String message(@QueryParam("tag") String tag, @QueryParam("id") long id, @QueryParam("failFirst") boolean failFirst) {
        jms.createProducer().setProperty("id", id).setProperty("tag", tag).setProperty("failFirst", failFirst)
                .send(queue, "write " + id);
        return new Report(tag).line("sent " + id).toString();
    }

    /**
     * A parallel stream handed the request's fork: its workers race the request thread into it. Each
     * call either gets in alone or gets FORKSCOPE-101; anything else is reported as an error. The
     * shared rows are loaded first, on the request thread, so that the racers' finds are answered
     * from the fork's identity map: the race is into the fork, not into the server's pool, which on
     * GlassFish gives a worker of the common ForkJoinPool no connection at all (README).
     */
    @GET
    @Path("race")
    public String race(@QueryParam("tag") String tag) {
        Report report = new Report(tag).read(em.find(Item.class, 1L));
        em.createQuery("select i from Item i where i.id <= :last", Item.class).setParameter("last", (long) SHARED).getResultList();
        openForks.watchCurrent();
        EntityManager fork = Forkscope.currentEntityManager().orElseThrow();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        IntStream.range(0, 200).parallel().forEach(i -> {
            try {
                fork.find(Item.class, 1L + i % SHARED);
            } catch (ConcurrentForkUseException e) {
                refused.incrementAndGet();
            } catch (RuntimeException e) {
                errors.merge(e.getClass().getName() + ":" + String.valueOf(e.getMessage()).replaceAll("\\s+", "_"), 1, Integer::sum);
            }
        });
        report.line("race-refused " + refused.get());
        errors.forEach((error, count) -> report.line("race-error " + count + " " + error));
        return report.toString();
    }

    private Report readReport(String tag, String ids) {
        Report report = new Report(tag);
        Arrays.stream(ids.split(",")).map(Long::valueOf).forEach(id -> report.read(em.find(Item.class, id)));
        report.readAll(em.createQuery("select i from Item i where i.kind = 'http' order by i.id desc", Item.class)
                .setMaxResults(5).getResultList());
        openForks.watchCurrent();
        return report;
    }
}
