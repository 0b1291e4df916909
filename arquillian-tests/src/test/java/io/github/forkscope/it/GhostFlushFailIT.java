package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code forkscope.guards.ghost-flush=fail} inside the server: the ghost flush rolls its transaction back. */
class GhostFlushFailIT extends BookstoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("ghostfail", "forkscope.guards.ghost-flush=fail\n");
    }

    @Override
    int books() {
        return 3;
    }

    @Test
    void theTransactionThatWouldWriteAChangeMadeBeforeItRollsBackAndTheDatabaseIsUnchanged() throws Exception {
        String outcome = http.get("api/guards/ghost-flush");
        assertTrue(outcome.startsWith("failed: "), outcome);
        assertTrue(outcome.lines().findFirst().orElse("").contains("IllegalStateException: FORKSCOPE-107: a transaction "
                + "on unit 'bookstore' was about to commit changes"), "the failed commit carries the guard's message: " + outcome);
        assertTrue(outcome.contains("FORKSCOPE-107: a transaction on unit 'bookstore' was about to commit changes"), outcome);
        assertTrue(outcome.contains("The transaction was rolled back"), outcome);
        assertEquals("{\"id\":1,\"title\":\"Book 1\"}", http.get("api/book/1"));
        assertEquals(404, http.send("GET", "api/book/900").statusCode(), "the rolled-back insert is in the database");
    }

    @Test
    void changesMadeInsideTheTransactionStillCommit() throws Exception {
        assertFalse(http.get("api/guards/no-ghost-flush").contains("FORKSCOPE-107"));
        assertEquals("{\"id\":2,\"title\":\"renamed inside\"}", http.get("api/book/2"));
    }
}
