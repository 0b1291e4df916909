package com.example.bookstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the bookstore with run.sh, as the README tells a user to, and takes the guided tour
 * through it. tour.sh checks every answer (one identity map per request, FORKSCOPE-001 and its
 * fix, a fork per timer chunk, a message in its own context, a rollback that leaves nothing) and
 * exits non-zero when one is wrong.
 */
class TourIT {

    @Test
    void theTourShowsEveryStepOnTheBookstoreThatRunShStarted() throws InterruptedException {
        try (Script server = Script.start("run.sh", Map.of("PORT_OFFSET", "400"), "--no-build")) {
            String url = server.awaitLine("Bookstore is running: ", Duration.ofMinutes(5)).replaceAll("/$", "");

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("FORKSCOPE-001"), tour);
            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(Script.listening(8480) || Script.listening(10390), "the server still listens after run.sh was stopped");
    }

    /** The same WAR and the same tour on WildFly Preview: Jakarta EE 11, Persistence 3.2, Hibernate 7. */
    @Test
    @DisabledIfSystemProperty(named = "skip.wildfly-preview", matches = "true")
    void theTourShowsEveryStepOnWildFlyPreview() throws InterruptedException {
        try (Script server = Script.start("run.sh", Map.of("PORT_OFFSET", "700"), "--no-build", "--preview")) {
            String url = server.awaitLine("Bookstore is running: ", Duration.ofMinutes(5)).replaceAll("/$", "");

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(Script.listening(8780) || Script.listening(10690), "the server still listens after run.sh was stopped");
    }
}
