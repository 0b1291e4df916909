package io.github.forkscope.reliability;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The checks that end every scenario, once the load has stopped: Forkscope's {@code ContextsActive}
 * back to 0, no connection in use in the datasource's pool, no fork open (every fork an entry point
 * used reports itself closed), and the database holding exactly the committed writes, counted with
 * plain JDBC: every row a client was told was committed is there (else a lost write), no row a
 * client was told was rolled back is there, and no row is there that nobody wrote (else an extra
 * write); the same for the timer's and the message listener's writes, against the outcomes the
 * transaction manager reported. Not thread-safe: run after the load, on the harness's thread.
 */
final class Checks {

    /** How long the server may take to finish what the load left running (timers, redeliveries, late tasks). */
    private static final Duration SETTLE = Duration.ofSeconds(60);

    final Map<String, Long> counters;
    final long lostWrites;
    /** Lost writes by kind (http, task, message, timer), for a failing check's message. */
    final Map<String, Long> lostByKind;
    final long extraWrites;
    final long unknownPresent;
    final long unknownAbsent;
    final long timerRollbacks;
    final long messageRollbacks;

    private Checks(Map<String, Long> counters, Map<String, Long> lostByKind, long extraWrites, long unknownPresent, long unknownAbsent,
                   long timerRollbacks, long messageRollbacks) {
        this.counters = counters;
        this.lostByKind = lostByKind;
        this.lostWrites = lostByKind.values().stream().mapToLong(Long::longValue).sum();
        this.extraWrites = extraWrites;
        this.unknownPresent = unknownPresent;
        this.unknownAbsent = unknownAbsent;
        this.timerRollbacks = timerRollbacks;
        this.messageRollbacks = messageRollbacks;
    }

    static Checks run(Server server, String app, Database database, Writes writes) throws Exception {
        Map<String, Long> counters = settled(server, app);
        awaitMessages(database, writes);
        Ledger before = Ledger.read(server, app);
        Map<Long, String> rows = database.rows("http", "task", "message", "timer");
        Ledger after = Ledger.read(server, app);

        Map<String, Long> lost = new TreeMap<>();
        lost.put("http or task", missing(writes.committed, rows));
        lost.put("message", missing(writes.messages, rows));
        lost.put("timer", missing(before.committed("timer"), rows));
        long extra = 0;
        long unknownPresent = 0;
        Set<Long> timerCommitted = new HashSet<>(after.committed("timer"));
        for (Map.Entry<Long, String> row : rows.entrySet()) {
            long id = row.getKey();
            if (row.getValue().equals("timer")) {
                extra += timerCommitted.contains(id) ? 0 : 1;
            } else if (writes.unknown.contains(id)) {
                unknownPresent++;
            } else if (!writes.committed.contains(id) && !writes.messages.contains(id)) {
                extra++;
            }
        }
        extra += database.changedSharedRows().size();
        return new Checks(counters, lost, extra, unknownPresent, writes.unknown.size() - unknownPresent,
                after.rollbacks("timer"), after.rollbacks("message"));
    }

    private static long missing(Set<Long> written, Map<Long, String> rows) {
        return written.stream().filter(id -> !rows.containsKey(id)).count();
    }

    // waits until no context is active, no connection in use and every fork closed, all at once
    private static Map<String, Long> settled(Server server, String app) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Long> counters = server.counters(app);
        while (!idle(counters) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            counters = server.counters(app);
        }
        return counters;
    }

    static boolean idle(Map<String, Long> counters) {
        return counters.get("ContextsActive") == 0 && counters.get("InUseCount") == 0
                && counters.get("OpenForks") == 0;
    }

    // every queued message is written once its delivery commits; a redelivered one a little later
    private static void awaitMessages(Database database, Writes writes) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!database.rows("message").keySet().containsAll(writes.messages) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
