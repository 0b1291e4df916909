package io.github.forkscope.reliability.app;

/**
 * A write the application refuses after it wrote: its transaction rolls back and the client gets
 * 409. Immutable, thread-safe.
 */
public class Refused extends RuntimeException {

    public Refused(long id) {
        super("write " + id + " refused, rolled back");
    }
}
