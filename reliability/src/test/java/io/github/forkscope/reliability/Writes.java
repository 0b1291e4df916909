package io.github.forkscope.reliability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load client knows about its writes over the whole run: the rows the application said it
 * committed, the rows it said it rolled back, the rows whose outcome no answer told (a client that
 * disconnected, a database that went away mid-commit), and the messages it queued. Row ids are
 * unique across the run. Thread-safe: all the clients record here.
 */
final class Writes {

    /** Ids below this are the harness's shared rows and the two-instance rows. */
    static final long FIRST_ID = 1_000_000;

    private final AtomicLong nextId = new AtomicLong(FIRST_ID);
    final Set<Long> committed = ConcurrentHashMap.newKeySet();
    final Set<Long> rolledBack = ConcurrentHashMap.newKeySet();
    final Set<Long> unknown = ConcurrentHashMap.newKeySet();
    final Set<Long> messages = ConcurrentHashMap.newKeySet();

    long newId() {
        return nextId.getAndIncrement();
    }
}
