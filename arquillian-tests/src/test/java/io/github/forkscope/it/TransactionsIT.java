package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 4: a change commits with the transaction it is made in, and with no other, for CDI
 * {@code @Transactional} beans, CMT EJBs and transactions the application begins itself. Every
 * outcome is read back by another request, on a fork of its own.
 */
class TransactionsIT extends BookstoreIT {

    private static final String BOOK_1 = "{\"id\":1,\"title\":\"Book 1\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("transactions");
    }

    @Override
    int books() {
        return 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdi", "ejb"})
    void changesCommitWithTheTransaction(String kind) throws Exception {
        assertEquals("committed", http.post("api/tx/" + kind + "/500"));
        assertEquals("{\"id\":500,\"title\":\"via " + kind + "\"}", http.get("api/book/500"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdi", "ejb"})
    void changesVanishWhenTheTransactionRollsBack(String kind) throws Exception {
        assertEquals("failed", http.post("api/tx/" + kind + "/501?fail=true"));
        assertEquals(404, http.send("GET", "api/book/501").statusCode(), "a rolled-back insert is in the database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdi", "ejb"})
    void anEntityLoadedBeforeTheTransactionAndOnlyChangedBySettersInsideIsWritten(String kind) throws Exception {
        http.post("api/tx/" + kind + "/load-then-rename/1?title=renamed-" + kind);
        assertEquals("{\"id\":1,\"title\":\"renamed-" + kind + "\"}", http.get("api/book/1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdi", "ejb"})
    void anAuditWrittenInRequiresNewSurvivesTheRollbackOfTheJoinedOuterTransaction(String kind) throws Exception {
        assertEquals("failed", http.post("api/tx/" + kind + "/requires-new/1?title=outer&audit=600&outer=true"));
        assertEquals("{\"id\":600,\"title\":\"audit\"}", http.get("api/book/600"), "the audit row was lost");
        assertEquals(BOOK_1, http.get("api/book/1"), "the outer change was committed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdi", "ejb"})
    void aRequiresNewTransactionThatRollsBackLeavesTheOuterWritesAlone(String kind) throws Exception {
        assertEquals("committed", http.post("api/tx/" + kind + "/requires-new/1?title=outer&audit=601&inner=true"));
        assertEquals("{\"id\":1,\"title\":\"outer\"}", http.get("api/book/1"), "the outer change was lost");
        assertEquals(404, http.send("GET", "api/book/601").statusCode(), "the rolled-back audit row is in the database");
    }

    @Test
    void whatIsPersistedInsideNotSupportedIsNeverCommittedByTheSuspendedTransaction() throws Exception {
        assertEquals("committed", http.post("api/tx/not-supported/1?title=outer&other=602"));
        assertEquals("{\"id\":1,\"title\":\"outer\"}", http.get("api/book/1"));
        assertEquals(404, http.send("GET", "api/book/602").statusCode(),
                "the suspended transaction committed a book persisted outside it");
    }

    @Test
    void anEntityOfTheOuterTransactionMergedInRequiresNewIsRefusedAndNothingOfTheInnerIsWritten() throws Exception {
        String outcome = http.post("api/tx/mixing/1?title=outer&audit=603");
        assertTrue(outcome.startsWith("FORKSCOPE-103: EntityManager.merge was given a Book that is managed by another "
                + "live context"), outcome);
        assertEquals("{\"id\":1,\"title\":\"outer\"}", http.get("api/book/1"), "the outer transaction's own change");
        assertEquals(404, http.send("GET", "api/book/603").statusCode(), "the refused transaction wrote its audit row");
    }

    @Test
    void aUserTransactionIsJoinedAtJoinTransactionOrAtTheNextCallAndNotBefore() throws Exception {
        http.post("api/tx/user-transaction/1?title=without-a-call");
        assertEquals(BOOK_1, http.get("api/book/1"),
                "a transaction the application began was joined with no EntityManager call");
        http.post("api/tx/user-transaction/1?title=joined&join=true");
        assertEquals("{\"id\":1,\"title\":\"joined\"}", http.get("api/book/1"));
    }

    @Test
    void aQueryCreatedBeforeATransactionJoinsItWhenItRunsInside() throws Exception {
        http.post("api/tx/query-before-transaction/1?title=via-query");
        assertEquals("{\"id\":1,\"title\":\"via-query\"}", http.get("api/book/1"));
    }
}
