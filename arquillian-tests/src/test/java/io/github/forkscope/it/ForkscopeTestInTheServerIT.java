package io.github.forkscope.it;

import io.github.forkscope.it.app.Book;
import io.github.forkscope.it.app.TxService;
import io.github.forkscope.junit5.FailOnGuardTrips;
import io.github.forkscope.junit5.ForkscopeTest;
import io.github.forkscope.junit5.Rollback;
import io.github.forkscope.junit5.TestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @ForkscopeTest} beside Arquillian's JUnit 5 extension, run inside the server as a user's
 * in-container test is: the test and its set-up share one context per method, {@code @Rollback}
 * runs the method in the server's JTA transaction and rolls it back, and what the methods left in
 * the database is read back over plain JDBC. The methods run in order: one commits a row, two
 * write under {@code @Rollback}, the last reads what is left.
 */
@ExtendWith(ArquillianExtension.class)
@ForkscopeTest
@FailOnGuardTrips
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForkscopeTestInTheServerIT {

    @Inject
    EntityManager em;
    @Inject
    TxService tx;
    Book loadedBySetUp;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bookstore("forkscope-test").addPackage(ForkscopeTest.class.getPackage());
    }

    @BeforeEach
    void loadWhatTheTestWillUse() {
        loadedBySetUp = em.find(Book.class, 100L);
    }

    @Test
    @Order(1)
    void aTestWithoutRollbackCommitsThroughTheCodeUnderTest() {
        tx.add(100, "committed", false);
        assertSame(em.find(Book.class, 100L), em.find(Book.class, 100L));
    }

    @Test
    @Order(2)
    @Rollback
    void aRolledBackTestSharesItsSetUpsContextAndRunsInTheServersTransaction(TestContext context) throws Exception {
        Book committed = em.find(Book.class, 100L);
        assertSame(loadedBySetUp, committed, "the set-up and the test share one context");
        assertEquals(Status.STATUS_ACTIVE, registry().getTransactionStatus());

        committed.setTitle("renamed, then rolled back");
        tx.add(101, "added, then rolled back", false);
        em.persist(new Book(102, "persisted, then rolled back", null));
        em.flush();
        assertEquals(List.of("100 renamed, then rolled back", "101 added, then rolled back", "102 persisted, then rolled back"),
                rows(), "the test's own transaction sees its writes");
        assertEquals(3, context.managedEntities("bookstore"));
    }

    /** The rollback flushes first, as a commit would, so that a change the database refuses fails the test. */
    @Test
    @Order(3)
    @Rollback
    void aChangeTheTestDoesNotFlushIsFlushedBeforeTheRollback() {
        loadedBySetUp.setTitle("flushed by the rollback");
    }

    @Test
    @Order(4)
    void theNextTestGetsAFreshContextAndTheDatabaseHasOnlyTheCommittedRow() throws Exception {
        assertEquals("committed", loadedBySetUp.getTitle(), "a fresh context loads the row again");
        assertEquals(List.of("100 committed"), rows());
        assertTrue(Book.writtenTitles().contains("flushed by the rollback"), Book.writtenTitles().toString());
        assertEquals(Status.STATUS_NO_TRANSACTION, registry().getTransactionStatus());
    }

    private static TransactionSynchronizationRegistry registry() throws Exception {
        return (TransactionSynchronizationRegistry) new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
    }

    /** The books, read over plain JDBC from the application's default datasource. */
    private static List<String> rows() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup("java:comp/DefaultDataSource");
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet books = connection.createStatement().executeQuery("select id, title from Book order by id")) {
            while (books.next()) {
                rows.add(books.getLong(1) + " " + books.getString(2));
            }
        }
        return rows;
    }
}
