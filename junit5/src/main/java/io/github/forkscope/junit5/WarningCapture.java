package io.github.forkscope.junit5;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects the coded warnings Forkscope logs, from any thread, while it is installed. Forkscope
 * logs through {@code System.Logger}, which goes to {@code java.util.logging} unless the
 * application installs another backend; then nothing is collected, and the counters still tell.
 * Thread-safe.
 */
final class WarningCapture extends Handler implements AutoCloseable {

    private static final Logger FORKSCOPE = Logger.getLogger("io.github.forkscope");
    private final List<String> messages = new ArrayList<>();

    static WarningCapture start() {
        WarningCapture capture = new WarningCapture();
        FORKSCOPE.addHandler(capture);
        return capture;
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String message = record.getMessage();
        if (record.getLevel().intValue() >= Level.WARNING.intValue() && message != null && message.startsWith("FORKSCOPE-")) {
            messages.add(message);
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
