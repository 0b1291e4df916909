package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code forkscope.guards.ghost-flush=off} inside the server: silent, and the ghost flush happens as without Forkscope. */
class GhostFlushOffIT extends BookstoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("ghostoff", "forkscope.guards.ghost-flush=off\n");
    }

    @Override
    int books() {
        return 3;
    }

    @Test
    void offIsSilent() throws Exception {
        String outcome = http.get("api/guards/ghost-flush");
        assertEquals("committed\n", outcome);
        assertEquals("{\"id\":1,\"title\":\"BOOK 1\"}", http.get("api/book/1"));
    }
}
