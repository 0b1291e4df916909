package io.github.forkscope.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;

/**
 * Shows the server's side of a failure. Application servers write their logs to files under
 * {@code target/}, not to the build's output, so when a test or its class's setup (a deployment, a
 * server start) fails, this prints the path and the last {@value #LINES} lines of each server log
 * that the system property {@value #LOGS} names (paths separated by the platform's path separator)
 * and that was written while the test class ran. Registered through the service loader: a module
 * turns it on with {@code junit.jupiter.extensions.autodetection.enabled=true} in its test
 * resources' {@code junit-platform.properties}.
 */
public final class ServerLogOnFailure implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** The system property that names the server logs. */
    public static final String LOGS = "forkscope.server.logs";

    private static final int LINES = 80;
    // enough for 80 lines of a server log, stack traces included, without reading a large log whole
    private static final int TAIL_BYTES = 64 * 1024;
    private static final Namespace NAMESPACE = Namespace.create(ServerLogOnFailure.class);
    private static final String SINCE = "since";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SINCE, FileTime.fromMillis(System.currentTimeMillis()));
    }

    // a failed test method; a failure of the class's setup shows in afterAll, once
    @Override
    public void afterEach(ExtensionContext context) {
        context.getExecutionException().ifPresent(failure -> printLogs(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getExecutionException().ifPresent(failure -> printLogs(context));
    }

    private static void printLogs(ExtensionContext context) {
        FileTime since = context.getStore(NAMESPACE).get(SINCE, FileTime.class);
        String failed = context.getTestMethod().isPresent()
                ? context.getRequiredTestClass().getSimpleName() + " " + context.getDisplayName()
                : context.getDisplayName();
        for (String name : System.getProperty(LOGS, "").split(File.pathSeparator)) {
            Path log = Path.of(name);
            if (!name.isEmpty() && Files.isRegularFile(log) && modified(log).compareTo(since) >= 0) {
                System.out.println("---- " + failed + " failed; server log " + log.toAbsolutePath()
                        + ", its last " + LINES + " lines:");
                tail(log).forEach(System.out::println);
                System.out.println("---- end of " + log.toAbsolutePath());
            }
        }
    }

    private static FileTime modified(Path log) {
        try {
            return Files.getLastModifiedTime(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tail(Path log) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(Math.max(0, channel.size() - TAIL_BYTES));
            String text = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\\R"));
            return lines.subList(Math.max(0, lines.size() - LINES), lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
