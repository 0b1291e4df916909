package io.github.forkscope.reliability;

import java.util.function.Consumer;

/**
 * The requests a client sends, each through one entry point of the test application, and what it
 * records from the answer: which rows were committed, rolled back or left with no known outcome.
 * Stateless, thread-safe.
 */
enum Operation {
    READ(c -> c.send("GET", "work/read?tag=" + c.nextTag() + "&ids=" + c.sharedIds())),
    ASYNC_READ(c -> c.send("GET", "work/async-read?tag=" + c.nextTag() + "&ids=" + c.sharedIds())),
    SUSPENDED_READ(c -> c.send("GET", "work/suspended?tag=" + c.nextTag() + "&ids=" + c.sharedIds() + "&millis=5&timeout=10000")),
    COMMIT(c -> write(c, "commit", 200, true)),
    REFUSE(c -> write(c, "refuse", 409, false)),
    TASK(c -> {
        long id = c.writes.newId();
        record(c, id, c.send("POST", "work/task?tag=" + c.nextTag() + "&id=" + id), 200, true);
    }),
    MESSAGE(c -> message(c, false)),
    /** A message whose first delivery rolls back after writing; the broker redelivers it. */
    MESSAGE_REDELIVERED(c -> {
        c.tally.faults.increment();
        message(c, true);
    }),
    /** A handler that throws after writing, inside its transaction (rolls back) or after it committed. */
    THROW_AFTER_WRITE(c -> {
        c.tally.faults.increment();
        boolean inTransaction = c.random.nextBoolean();
        write(c, inTransaction ? "throw-in-tx" : "throw-after-commit", 500, !inTransaction);
    }),
    /** A suspended response that times out while its task still sleeps; the task reads afterwards. */
    ASYNC_TIMEOUT(c -> {
        c.tally.faults.increment();
        c.send("GET", "work/suspended?tag=" + c.nextTag() + "&ids=" + c.sharedIds() + "&millis=600&timeout=200");
    }),
    /** A client that goes away while its write holds a transaction, or while its async read waits. */
    DISCONNECT(c -> {
        if (c.random.nextBoolean()) {
            long id = c.writes.newId();
            c.writes.unknown.add(id);
            c.sendAndDisconnect("POST", "work/write?outcome=slow&millis=400&tag=" + c.nextTag() + "&id=" + id, 100);
        } else {
            c.sendAndDisconnect("GET", "work/suspended?tag=" + c.nextTag() + "&ids=" + c.sharedIds() + "&millis=400&timeout=10000", 100);
        }
    }),
    /** A parallel stream racing the request thread into its fork: every loser must get FORKSCOPE-101. */
    RACE(c -> {
        c.tally.faults.increment();
        Reply reply = c.send("GET", "work/race?tag=" + c.nextTag());
        if (reply != null) {
            reply.facts("race-refused").forEach(line -> c.tally.event("racers refused with FORKSCOPE-101", Long.parseLong(line[1])));
            reply.facts("race-error").forEach(line -> c.tally.error("UNCODED", String.join(" ", line), reply.millis()));
        }
    });

    private final Consumer<Client> action;

    Operation(Consumer<Client> action) {
        this.action = action;
    }

    void run(Client client) {
        action.accept(client);
    }

    /** Whether the answer to {@code url} comes from a managed-executor task that continues the request's context. */
    static boolean answeredByTask(String url) {
        return url.contains("/work/async-read?") || url.contains("/work/suspended?");
    }

    private static void write(Client c, String outcome, int status, boolean commits) {
        long id = c.writes.newId();
        record(c, id, c.send("POST", "work/write?outcome=" + outcome + "&tag=" + c.nextTag() + "&id=" + id + "&shared=" + c.sharedId()),
                status, commits);
    }

    private static void message(Client c, boolean failFirst) {
        long id = c.writes.newId();
        Reply reply = c.send("POST", "work/message?tag=" + c.nextTag() + "&id=" + id + "&failFirst=" + failFirst);
        if (reply != null && reply.status() == 200) {
            c.writes.messages.add(id);
        } else {
            c.writes.unknown.add(id);
        }
    }

    /** The answer the write expects says whether its row is in the database; any other leaves it unknown. */
    private static void record(Client c, long id, Reply reply, int status, boolean commits) {
        if (reply != null && reply.status() == status) {
            (commits ? c.writes.committed : c.writes.rolledBack).add(id);
            if (commits && status == 200 && reply.facts("wrote").stream().noneMatch(line -> line[1].equals(Long.toString(id)))) {
                c.tally.error("UNCODED", "the answer does not report its write " + id, reply.millis());
            }
        } else {
            c.writes.unknown.add(id);
        }
    }
}
