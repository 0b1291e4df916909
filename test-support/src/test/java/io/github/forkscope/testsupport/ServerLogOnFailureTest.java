package io.github.forkscope.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A failed test prints the path and the last 80 lines of the server log written while it ran; a passing one prints nothing. */
class ServerLogOnFailureTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream out;

    @BeforeEach
    void nameTheLogsAndCaptureTheOutput() {
        System.setProperty(ServerLogOnFailure.LOGS, dir.resolve("server.log") + File.pathSeparator + dir.resolve("absent.log"));
        out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(out);
        System.clearProperty(ServerLogOnFailure.LOGS);
    }

    @Test
    void aFailedTestPrintsTheLogsPathAndItsLastLines() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Failing.class)).execute()
                .testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));

        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Failing fails() failed; server log " + dir.resolve("server.log")), text);
        assertTrue(text.contains("line 121\n") && text.contains("line 200\n"), text);
        assertFalse(text.contains("line 120\n"), text);
        assertFalse(text.contains("absent.log"), text);
        assertEquals(1, text.split("---- end of ", -1).length - 1, text);
    }

    @ExtendWith(ServerLogOnFailure.class)
    static class Failing {
        @Test
        void fails() throws Exception {
            Path log = Path.of(System.getProperty(ServerLogOnFailure.LOGS).split(File.pathSeparator)[0]);
            Files.writeString(log, IntStream.rangeClosed(1, 200).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
            fail("on purpose");
        }

        @Test
        void passes() {
        }
    }
}
