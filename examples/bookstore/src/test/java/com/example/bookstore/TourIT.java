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
            String url = server.awaitLine("Bookstore is running on ", Duration.ofMinutes(5)).replaceAll("^.*: |/$", "");

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
            String url = server.awaitLine("Bookstore is running on ", Duration.ofMinutes(5)).replaceAll("^.*: |/$", "");

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(Script.listening(8780) || Script.listening(10690), "the server still listens after run.sh was stopped");
    }

    /** The same WAR and the same tour on GlassFish 8: Jakarta EE 11, EclipseLink 5, its Derby database. */
    @Test
    @DisabledIfSystemProperty(named = "skip.glassfish", matches = "true")
    void theTourShowsEveryStepOnGlassFish() throws InterruptedException {
        try (Script server = Script.start("run.sh", Map.of("PORT_OFFSET", "1100"), "--no-build", "--server", "glassfish")) {
            String url = server.awaitLine("Bookstore is running on ", Duration.ofMinutes(5)).replaceAll("^.*: |/$", "");

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(Script.listening(9180) || Script.listening(9148) || Script.listening(1527),
                "the domain or its database still listens after run.sh was stopped");
    }

    /** The same WAR and the same tour on Open Liberty: Jakarta EE 10, EclipseLink 4, an H2 database. */
    @Test
    @DisabledIfSystemProperty(named = "skip.liberty", matches = "true")
    void theTourShowsEveryStepOnOpenLiberty() throws InterruptedException {
        try (Script server = Script.start("run.sh", Map.of("PORT_OFFSET", "1200"), "--no-build", "--server", "liberty")) {
            String url = server.awaitLine("Bookstore is running on ", Duration.ofMinutes(5)).replaceAll("^.*: |/$", "");

            String tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(Script.listening(9280), "the server still listens after run.sh was stopped");
    }
}
