package io.github.forkscope.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two-instance load: each client owns one row and, over and over, renames it through the
 * writer instance and, once the rename has answered, reads it through the reader instance. As only
 * that client writes the row, any other note than the one it just wrote is a stale read. Stops by
 * itself at the time limit. Thread-safe counters; one run at a time.
 */
final class TwoInstances {

    final LongAdder requests = new LongAdder();
    final LongAdder staleReads = new LongAdder();
    final LongAdder freshReads = new LongAdder();
    final Tally tally;
    private final String writer;
    private final String reader;

    /** {@code writer} and {@code reader}: the base URLs of the two deployments' {@code api/two/}. */
    TwoInstances(String writer, String reader, Tally tally) {
        this.writer = writer;
        this.reader = reader;
        this.tally = tally;
    }

    Duration run(Duration time) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(Mode.CLIENTS);
        long started = System.nanoTime();
        long deadline = started + time.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int number = 0; number < Mode.CLIENTS; number++) {
            long row = Database.RENAMED_ROWS + number;
            running.add(clients.submit(() -> {
                for (int version = 1; System.nanoTime() < deadline; version++) {
                    String note = "v" + version;
                    String renamed = send("POST", writer + "rename?id=" + row + "&note=" + note);
                    if (renamed == null) {
                        continue;
                    }
                    String read = send("GET", reader + "?id=" + row);
                    if (read != null) {
                        (read.equals("note " + note) ? freshReads : staleReads).increment();
                    }
                }
                return null;
            }));
        }
        clients.shutdown();
        if (!clients.awaitTermination(time.toSeconds() + Mode.HUNG.toSeconds() + 30, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new AssertionError("the two-instance clients did not stop");
        }
        for (Future<?> client : running) {
            client.get();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    // the answer's first line, or null after an error (counted in the tally)
    private String send(String method, String url) throws InterruptedException {
        requests.increment();
        Reply reply = Client.exchange(method, url, tally);
        return reply == null || reply.errorCode().isPresent() ? null : reply.lines().get(0);
    }
}
