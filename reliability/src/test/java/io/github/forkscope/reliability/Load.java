package io.github.forkscope.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one instance with {@link Mode#CLIENTS} clients, each sending a weighted mix of operations
 * back to back, until the time or the request budget runs out; then it stops by itself and waits
 * for the last answers (at most the hung-request limit). A fault may run beside it, on the caller's
 * thread. Not thread-safe: one load at a time per instance.
 */
final class Load {

    /** The mixed workload of every scenario: reads, writes with some rollbacks, async work, tasks, messages. */
    static final Object[] MIXED = {
            Operation.READ, 40, Operation.ASYNC_READ, 10, Operation.SUSPENDED_READ, 5, Operation.COMMIT, 25,
            Operation.REFUSE, 8, Operation.TASK, 7, Operation.MESSAGE, 5};

    /** Something done to the system while the load runs; returns what was done, for the results. */
    interface Fault {
        String inject(Load load) throws Exception;
    }

    private final List<Operation> weighted = new ArrayList<>();
    private final int port;
    private final Writes writes;
    final Tally tally;
    private long started;

    /** {@code mix}: operations and weights, alternating; {@code extra} adds to {@link #MIXED}. */
    Load(int port, Writes writes, Tally tally, Object... extra) {
        this.port = port;
        this.writes = writes;
        this.tally = tally;
        add(MIXED);
        add(extra);
    }

    private void add(Object[] mix) {
        for (int i = 0; i < mix.length; i += 2) {
            for (int weight = 0; weight < (Integer) mix[i + 1]; weight++) {
                weighted.add((Operation) mix[i]);
            }
        }
    }

    /** Seconds since the load started. */
    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Runs the load for {@code time} or {@code budget} requests, with {@code fault} beside it; returns its duration. */
    Duration run(Duration time, long budget, Fault fault, List<String> faultsDone) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(Mode.CLIENTS);
        started = System.nanoTime();
        long deadline = started + time.toNanos();
        AtomicLong left = new AtomicLong(budget);
        List<Future<?>> running = new ArrayList<>();
        for (int number = 0; number < Mode.CLIENTS; number++) {
            Client client = new Client(number, port, tally, writes);
            running.add(clients.submit(() -> {
                Random random = client.random;
                while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                    weighted.get(random.nextInt(weighted.size())).run(client);
                }
            }));
        }
        try {
            if (fault != null) {
                faultsDone.add(fault.inject(this));
            }
        } finally {
            clients.shutdown();
            boolean stopped = clients.awaitTermination(time.toSeconds() + Mode.HUNG.toSeconds() + 30, TimeUnit.SECONDS);
            if (!stopped) {
                clients.shutdownNow();
                throw new AssertionError("the load's clients did not stop");
            }
        }
        for (Future<?> client : running) {
            client.get();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
