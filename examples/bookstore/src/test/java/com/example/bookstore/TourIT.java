package com.example.bookstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the bookstore with run.sh, as the README tells a user to, and takes the guided tour
 * through it, on every server run.sh knows. tour.sh checks every answer (one identity map per
 * request, FORKSCOPE-001 and its fix, a fork per timer chunk, a message in its own context, a
 * rollback that leaves nothing) and exits non-zero when one is wrong.
 */
class TourIT {

    @Test
    void theTourShowsEveryStepOnTheBookstoreThatRunShStarted() throws InterruptedException {
        String tour = takeTheTour(400, new int[] {8480, 10390});
        assertTrue(tour.contains("FORKSCOPE-001"), tour);
    }

    /** The same WAR and the same tour on WildFly Preview: Jakarta EE 11, Persistence 3.2, Hibernate 7. */
    @Test
    @DisabledIfSystemProperty(named = "skip.wildfly-preview", matches = "true")
    void theTourShowsEveryStepOnWildFlyPreview() throws InterruptedException {
        takeTheTour(700, new int[] {8780, 10690}, "--preview");
    }

    /** On GlassFish 8: Jakarta EE 11, EclipseLink 5, GlassFish's Derby database. */
    @Test
    @DisabledIfSystemProperty(named = "skip.glassfish", matches = "true")
    void theTourShowsEveryStepOnGlassFish() throws InterruptedException {
        takeTheTour(1100, new int[] {9180, 9148, 1527}, "--server", "glassfish");
    }

    /** On Payara Server 6: Jakarta EE 10, EclipseLink 4, Payara's embedded H2 database. */
    @Test
    @DisabledIfSystemProperty(named = "skip.payara", matches = "true")
    void theTourShowsEveryStepOnPayara() throws InterruptedException {
        takeTheTour(1300, new int[] {9380, 9348}, "--server", "payara");
    }

    /** On Open Liberty: Jakarta EE 10, EclipseLink 4, an H2 database. */
    @Test
    @DisabledIfSystemProperty(named = "skip.liberty", matches = "true")
    void theTourShowsEveryStepOnOpenLiberty() throws InterruptedException {
        takeTheTour(1200, new int[] {9280}, "--server", "liberty");
    }

    /** Runs {@code run.sh --no-build <options>}, takes the tour, stops run.sh and checks that nothing listens on the ports. */
    private static String takeTheTour(int portOffset, int[] ports, String... options) throws InterruptedException {
        String tour;
        String[] arguments = new String[options.length + 1];
        arguments[0] = "--no-build";
        System.arraycopy(options, 0, arguments, 1, options.length);
        try (Script server = Script.start("run.sh", Map.of("PORT_OFFSET", Integer.toString(portOffset)), arguments)) {
            String url = server.awaitLine("Bookstore is running on ", Duration.ofMinutes(5)).replaceAll("^.*: |/$", "");

            tour = Script.run(Duration.ofMinutes(3), "tour.sh", url);

            assertTrue(tour.contains("every step showed what it should"), tour);
        }
        assertFalse(IntStream.of(ports).anyMatch(Script::listening), "the server still listens after run.sh was stopped");
        return tour;
    }
}
