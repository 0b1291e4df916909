package com.example.bookstore;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Seed 004 on real servers: run-two.sh starts PostgreSQL (from Maven Central, built into
 * test-support/target) and two WildFly instances of the bookstore on it, and the tour's last step
 * renames a book through one instance and reads it through the other ten times, failing on any
 * stale read. {@code -Dskip.postgres=true} skips it.
 */
class TwoInstancesIT {
    private static final Pattern URLS = Pattern.compile("tour\\.sh (\\S+) (\\S+)");

    @Test
    void anUpdateThroughOneInstanceIsReadFreshThroughTheOther() throws InterruptedException {
        assumeFalse(Boolean.getBoolean("skip.postgres"), "skip.postgres=true");
        try (Script servers = Script.start("run-two.sh", Map.of("PORT_OFFSET", "500", "PG_PORT", "15433"), "--no-build")) {
            Matcher urls = URLS.matcher(servers.awaitLine("  bash ", Duration.ofMinutes(6)));
            assertTrue(urls.find(), servers.output());

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", urls.group(1), urls.group(2));

            assertTrue(tour.contains("each followed by a read through the second: 0 stale"), tour);
            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        for (int port : new int[] {8580, 10490, 8680, 10590}) {
            assertFalse(Script.listening(port), "a server still listens on " + port + " after run-two.sh was stopped");
        }
        assertFalse(Script.listening(15433), "PostgreSQL still listens after run-two.sh was stopped");
    }
}
