package io.github.forkscope.reliability.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Threads the application starts itself, outside Jakarta Concurrency: no context follows work onto
 * them. Code there reaches the global fork when the escape hatch is on, and gets FORKSCOPE-001
 * when it is off. Thread-safe; the pool stops with the application.
 */
@ApplicationScoped
public class OutsideThreads {

    private final ExecutorService pool = Executors.newFixedThreadPool(4, work -> {
        Thread thread = new Thread(work, "reliability-outside");
        thread.setDaemon(true);
        return thread;
    });

    public ExecutorService pool() {
        return pool;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
