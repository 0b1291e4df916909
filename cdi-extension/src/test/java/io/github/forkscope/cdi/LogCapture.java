package io.github.forkscope.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what Forkscope logs (System.Logger goes to java.util.logging here) while it is open. */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger FORKSCOPE = Logger.getLogger("io.github.forkscope");
    private final List<LogRecord> records = new ArrayList<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        FORKSCOPE.addHandler(capture);
        return capture;
    }

    /** The warnings logged so far whose message starts with the code. */
    List<String> warnings(String code) {
        return messages(Level.WARNING, code);
    }

    /** The messages of one level logged so far that start with the code. */
    synchronized List<String> messages(Level level, String code) {
        return records.stream()
                .filter(r -> r.getLevel() == level && r.getMessage().startsWith(code))
                .map(LogRecord::getMessage)
                .toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        FORKSCOPE.removeHandler(this);
    }
}
