package com.example.bookstore;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One of the example's shell scripts, run as a user runs it, from the example's directory. Its
 * output is echoed to the test's log and kept for assertions. Closing it stops it as Ctrl-C would
 * (SIGTERM takes the same path in the scripts) and checks that it left no process behind.
 */
final class Script implements AutoCloseable {
    static final File DIR = new File(System.getProperty("bookstore.dir", "."));

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private Script(String name, Map<String, String> env, String... args) {
        this.name = name;
        List<String> command = new ArrayList<>(List.of("bash", name));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, name + " output");
        reader.start();
    }

    static Script start(String name, Map<String, String> env, String... args) {
        return new Script(name, env, args);
    }

    /** Runs a script to its end and returns its output; fails when it exits with another code than 0. */
    static String run(Duration limit, String name, String... args) throws InterruptedException {
        try (Script script = new Script(name, Map.of(), args)) {
            if (!script.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(name + " did not finish within " + limit + ":\n" + script.output());
            }
            script.reader.join();
            assertEquals(0, script.process.exitValue(), name + " failed:\n" + script.output());
            return script.output();
        }
    }

    /** Waits for a line that starts with the prefix and returns the rest of it. */
    String awaitLine(String prefix, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Optional<String> line = find(prefix);
            if (line.isPresent()) {
                return line.get().substring(prefix.length());
            }
            if (!process.isAlive() && !reader.isAlive()) {
                fail(name + " ended (exit " + process.exitValue() + ") before printing \"" + prefix + "\":\n" + output());
            }
            Thread.sleep(200);
        }
        return fail(name + " did not print \"" + prefix + "\" within " + limit + ":\n" + output());
    }

    /** Whether something accepts connections on the port of this machine. */
    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(name + " did not stop within 90 s of SIGTERM");
        }
        reader.join();
        for (ProcessHandle child : started) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            assertFalse(child.isAlive(), name + " left " + child.info().commandLine().orElse("pid " + child.pid()) + " running");
        }
    }

    private synchronized Optional<String> find(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("[" + name + "] " + line);
                synchronized (this) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
