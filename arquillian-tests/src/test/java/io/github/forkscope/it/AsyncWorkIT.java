package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Async work in a server, through the server's own Jakarta Concurrency: JAX-RS continuations on a
 * ManagedExecutorService see the request's fork, a context service that clears Forkscope's context
 * gives each task its own, tasks that outlive their request fail with FORKSCOPE-102 (logged once
 * for their call site), and an async timeout never closes a fork under a task that is inside it.
 * Afterwards the provider's EntityManager is closed and the server's pool has no connection checked out.
 */
class AsyncWorkIT extends BookstoreIT {

    private static final String SAME = "{\"sameInstance\":true,\"sameFork\":true,\"otherThread\":true}";
    /**
     * Open Liberty runs requests and executor tasks on one pool, so a task may run on the thread its
     * request has just handed back: there the thread is not compared.
     */
    private static final boolean ONE_POOL = "liberty".equals(System.getProperty("forkscope.server"));

    private String inUseBefore;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive archive = Deployments.bookstore("async-work");
        // Open Liberty's default executors clear third-party context types: the application names
        // executors whose context service propagates them, as the README says for Liberty
        return "liberty".equals(System.getProperty("forkscope.server"))
                ? archive.addAsWebInfResource("app/web-liberty-executors.xml", "web.xml") : archive;
    }

    @Override
    int books() {
        return 3;
    }

    @Test
    void aCompletionStageContinuationOnAManagedExecutorSeesTheRequestsFork() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertSame(http.get("api/async-work/stage/" + (1 + i % 3)), "request " + i);
            assertClosedWithNoConnectionInUse();
        }
    }

    @Test
    void aSuspendedResponseResumedFromAManagedExecutorSeesTheRequestsFork() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertSame(http.get("api/async-work/suspended/" + (1 + i % 3)), "request " + i);
            assertClosedWithNoConnectionInUse();
        }
    }

    @Test
    void aTaskSubmittedInsideATransactionSeesTheRequestsFork() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertSame(http.get("api/async-work/in-transaction/" + (1 + i % 3)), "request " + i);
        }
    }

    @Test
    void aScheduledTaskAndATaskWrappedByTheContextServiceSeeTheRequestsFork() throws Exception {
        assertSame(http.get("api/async-work/scheduled/1"), "scheduled");
        assertClosedWithNoConnectionInUse();
        assertSame(http.get("api/async-work/context-service/2"), "context service");
        assertClosedWithNoConnectionInUse();
    }

    @Test
    void anExecutorWhoseContextServiceClearsForkscopeGivesTheTaskAContextOfItsOwn() throws Exception {
        assertSeen("{\"sameInstance\":false,\"sameFork\":false,\"otherThread\":true}", http.get("api/async-work/own-context/2"), "own context");
        assertClosedWithNoConnectionInUse();
    }

    @Test
    void aFireAndForgetTaskThatOutlivesItsRequestGetsUseAfterClose() throws Exception {
        assertEquals("submitted", http.post("api/async-work/fire-and-forget"));
        String outcome = http.get("api/async-work/fire-and-forget");
        assertTrue(outcome.startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit 'bookstore' whose context has ended"), outcome);
        assertTrue(outcome.contains("give such a task a context of its own with @RequestContextual"), outcome);
    }

    @Test
    void aHundredSwallowedFailuresFromOneCallSiteAreLoggedOnce() throws Exception {
        assertEquals("submitted", http.post("api/async-work/swallowed"));
        String warnings = http.get("api/async-work/swallowed");
        assertEquals(1, warnings.lines().count(), warnings);
        assertTrue(warnings.startsWith("FORKSCOPE-102 thrown at io.github.forkscope.it.app.AsyncWorkResource.lambda$swallowed$"), warnings);
    }

    @Test
    void anAsyncTimeoutWhileATaskIsInsideALoadClosesTheForkOnlyAfterTheTaskLeft() throws Exception {
        HttpResponse<String> response = http.send("GET", "api/async-work/timeout");
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("timed out: true, then loaded Book 1 with the fork open: true", http.get("api/async-work/timeout/outcome"));
        assertClosedWithNoConnectionInUse();
    }

    private static void assertSame(String answer, String message) {
        assertSeen(SAME, answer, message);
    }

    private static void assertSeen(String expected, String answer, String message) {
        String thread = "(false|true)}$";
        assertEquals(ONE_POOL ? expected.replaceAll(thread, "") : expected, ONE_POOL ? answer.replaceAll(thread, "") : answer, message);
    }

    /**
     * The pool's count before the test: 0 on a server to itself, but the pool is the server's, and
     * Open Liberty once counted 2 connections checked out before this class in a whole suite's run.
     */
    @BeforeEach
    void countConnectionsInUse() throws Exception {
        inUseBefore = http.get("api/async-work/in-use");
        assertNotEquals("-1", inUseBefore, "the server's own count of the pool's connections in use is not known here");
    }

    /** The server ends the async cycle, and the last task its context, just after the response was sent: wait for that. */
    private void assertClosedWithNoConnectionInUse() throws Exception {
        String closed = "{\"open\":false,\"connectionsInUse\":" + inUseBefore + "}";
        String last = http.get("api/async-work/last");
        for (int attempt = 0; attempt < 50 && !last.equals(closed); attempt++) {
            Thread.sleep(100);
            last = http.get("api/async-work/last");
        }
        assertEquals(closed, last);
    }
}
