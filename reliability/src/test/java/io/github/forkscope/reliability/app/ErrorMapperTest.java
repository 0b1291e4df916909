package io.github.forkscope.reliability.app;

import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the harness's server side names failures that the load client then counts. */
class ErrorMapperTest {

    /**
     * The shape Narayana gives a one-phase commit that the database cut off: the RollbackException
     * has no cause, and IronJacamar's XAException (caused by the connection's failure) is suppressed.
     */
    @Test
    void aCommitCutOffByTheDatabaseIsADatabaseError() {
        XAException refused = new XAException(XAException.XA_RBROLLBACK);
        refused.initCause(new ResourceException("could not commit", new SQLException("FATAL: terminating connection")));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(refused);

        ErrorMapper.Answer answer = ErrorMapper.classify(commit);

        assertEquals(503, answer.status());
        assertEquals("error DATABASE java.sql.SQLException: FATAL: terminating connection", answer.line());
    }

    @Test
    void aRollbackWithNothingBehindItStaysUncoded() {
        ErrorMapper.Answer answer = ErrorMapper.classify(new RollbackException("ARJUNA016053: Could not commit transaction."));

        assertEquals(500, answer.status());
        assertTrue(answer.line().startsWith("error UNCODED jakarta.transaction.RollbackException"), answer.line());
    }

    @Test
    void aGuardRailsCodeWinsOverTheDatabaseBehindIt() {
        IllegalStateException guard = new IllegalStateException("FORKSCOPE-101: another thread is inside", new SQLException("x"));

        ErrorMapper.Answer answer = ErrorMapper.classify(new RuntimeException(guard));

        assertEquals(500, answer.status());
        assertTrue(answer.line().startsWith("error FORKSCOPE-101 "), answer.line());
    }
}
