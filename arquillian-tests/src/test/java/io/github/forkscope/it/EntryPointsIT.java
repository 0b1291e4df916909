package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 2 and 3.2 in a server: timers, message-driven beans, ManagedExecutorService tasks and seed 000. */
class EntryPointsIT extends BookstoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstoreWithMessaging("entry-points");
    }

    @Override
    int books() {
        return 1;
    }

    @Test
    void everyTimerTickGetsItsOwnForkClosedAfterTheTickEvenWhenItThrows() throws Exception {
        http.post("api/background/timer/4/2");
        String report = awaitRecords(4);
        assertTrue(report.contains("\"distinctForks\":4,"), report);
        assertTrue(report.contains("\"openForks\":0,"), report);
    }

    @Test
    void everyMessageGetsItsOwnForkAndARedeliveryAFreshOne() throws Exception {
        http.post("api/messages/clear");
        http.post("api/messages/ok");
        http.post("api/messages/fail");
        String report = awaitRecords(3);
        assertTrue(report.contains("\"distinctForks\":3,"), report);
        assertTrue(report.contains("\"openForks\":0,"), report);
        assertTrue(report.contains("message:fail-redelivered"), report);
    }

    @Test
    void aTaskOnAnExecutorThatLeavesForkscopeUnchangedGetsTheGlobalContextError() throws Exception {
        String outcome = http.get("api/background/plain/1");
        assertTrue(outcome.startsWith("GlobalContextException: FORKSCOPE-001: EntityManager.find was called on thread"),
                outcome);
        assertTrue(outcome.contains("annotate the entry point with @RequestContextual"), outcome);
        assertFalse(outcome.contains("This thread is"), "a server's pool thread is not one a context never follows: " + outcome);
    }

    @Test
    void anExecutorTaskWithTheAnnotationWorks() throws Exception {
        assertEquals("Book 1", http.get("api/background/annotated/1"));
    }

    @Test
    void seed000TheGlobalPatternFailsTheForkFixWorksAndTheNativeInsertIsAllowed() throws Exception {
        String global = http.post("api/background/seed000/global/600");
        assertTrue(global.startsWith("GlobalContextException: FORKSCOPE-001: EntityManager.persist"), global);
        assertEquals(404, http.send("GET", "api/book/600").statusCode());

        assertEquals("persisted", http.post("api/background/seed000/fork/601"));
        assertEquals("{\"id\":601,\"title\":\"my first post\"}", http.get("api/book/601"));

        assertEquals("inserted 1", http.post("api/background/seed000/native/602"));
        assertEquals("{\"id\":602,\"title\":\"my first post 2\"}", http.get("api/book/602"));
    }

    /** Polls the report until it holds the records and every fork they ran on has closed, or 30 s passed. */
    private String awaitRecords(int records) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String report = http.get("api/background/recorded");
        while (!(report.contains("\"records\":" + records + ",") && report.contains("\"openForks\":0,"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = http.get("api/background/recorded");
        }
        return report;
    }
}
