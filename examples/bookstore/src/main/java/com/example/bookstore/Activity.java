package com.example.bookstore;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last events of the application (requests, timer chunks, messages), each with the fork it
 * ran on, so that {@code GET /api/activity} shows which unit of work used which persistence
 * context. Thread-safe.
 */
@ApplicationScoped
public class Activity {
    private static final int KEPT = 200;

    /** One event; {@code fork} names the EntityManager of the context it ran in. */
    public record Event(long seq, String source, String what, String fork, String thread) {
    }

    private final Deque<Event> events = new ArrayDeque<>();
    private long seq;

    public synchronized void record(String source, String what) {
        events.addLast(new Event(++seq, source, what, currentFork(), Thread.currentThread().getName()));
        if (events.size() > KEPT) {
            events.removeFirst();
        }
    }

    public synchronized List<Event> since(long after) {
        return events.stream().filter(e -> e.seq() > after).toList();
    }

    /** A short name of the current context's fork, such as {@code fork@1b2c3d}. */
    public static String currentFork() {
        return Forkscope.currentEntityManager().map(Activity::label).orElse("none");
    }

    private static String label(EntityManager fork) {
        return "fork@" + Integer.toHexString(System.identityHashCode(fork));
    }
}
