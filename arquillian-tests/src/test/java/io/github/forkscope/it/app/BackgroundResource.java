package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on a ManagedExecutorService whose context service leaves Forkscope's context unchanged,
 * so that tasks run with no context, as code at startup or on a thread of its own does, and
 * reports what happened.
 */
@Path("/background")
@Produces(MediaType.TEXT_PLAIN)
@ContextServiceDefinition(name = "java:module/concurrent/WithoutForkscope", unchanged = Forkscope.THREAD_CONTEXT_TYPE)
@ManagedExecutorDefinition(name = "java:module/concurrent/WithoutForkscopeExecutor", context = "java:module/concurrent/WithoutForkscope")
public class BackgroundResource {
    @Resource(lookup = "java:module/concurrent/WithoutForkscopeExecutor")
    ManagedExecutorService executor;
    @Inject
    BackgroundTasks tasks;
    @Inject
    TickingTimer timer;
    @Inject
    Recorder recorder;

    @GET
    @Path("plain/{id}")
    public String plain(@PathParam("id") long id) throws Exception {
        return outcome(() -> tasks.titleWithoutContext(id));
    }

    @GET
    @Path("annotated/{id}")
    public String annotated(@PathParam("id") long id) throws Exception {
        return outcome(() -> tasks.titleInOwnContext(id));
    }

    @POST
    @Path("seed000/global/{id}")
    public String seed000Global(@PathParam("id") long id) throws Exception {
        return outcome(() -> {
            tasks.persistAndFlush(id);
            return "persisted";
        });
    }

    @POST
    @Path("seed000/fork/{id}")
    public String seed000Fork(@PathParam("id") long id) throws Exception {
        return outcome(() -> {
            Forkscope.run(() -> Forkscope.transactional(() -> tasks.persistAndFlush(id)));
            return "persisted";
        });
    }

    @POST
    @Path("seed000/native/{id}")
    public String seed000Native(@PathParam("id") long id) throws Exception {
        return outcome(() -> "inserted " + tasks.nativeInsert(id));
    }

    @POST
    @Path("timer/{ticks}/{failing}")
    public String startTimer(@PathParam("ticks") int ticks, @PathParam("failing") int failing) {
        recorder.clear();
        timer.start(ticks, failing);
        return "started";
    }

    @GET
    @Path("recorded")
    @Produces(MediaType.APPLICATION_JSON)
    public String recorded() {
        return recorder.report();
    }

    private String outcome(Callable<String> work) throws Exception {
        try {
            return executor.submit(work).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GlobalContextException g) {
                return "GlobalContextException: " + g.getMessage();
            }
            throw e;
        }
    }
}
