package io.github.forkscope.it.app;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the FORKSCOPE warnings that any thread logs while it is installed; both servers route java.util.logging here. */
final class ForkscopeWarnings extends Handler implements AutoCloseable {

    private static final Logger FORKSCOPE = Logger.getLogger("io.github.forkscope");
    private final List<String> messages = new ArrayList<>();

    static ForkscopeWarnings capture() {
        ForkscopeWarnings capture = new ForkscopeWarnings();
        FORKSCOPE.addHandler(capture);
        return capture;
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null
                && record.getMessage().startsWith("FORKSCOPE-")) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        FORKSCOPE.removeHandler(this);
    }
}
