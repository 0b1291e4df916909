package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 6 and 7 inside the server: each guard rail once, and the metrics MBean. */
class GuardsIT extends BookstoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("guards")
                .addAsResource("app/guards.properties", "META-INF/microprofile-config.properties");
    }

    @Override
    int books() {
        return 100;
    }

    @Test
    void anExecutorTaskSharingTheRequestsForkIsRefused() throws Exception {
        String outcome = http.get("api/guards/threads");
        assertTrue(outcome.startsWith("ConcurrentForkUseException: FORKSCOPE-101: EntityManager.find was called on thread"),
                outcome);
        assertTrue(outcome.contains("is inside a call on the same fork"), outcome);
        assertTrue(outcome.endsWith("; afterwards the request's fork still manages its Book 1: true"), outcome);
    }

    @Test
    void anEntityManagerKeptPastItsRequestFailsInTheNextOne() throws Exception {
        http.get("api/guards/keep");
        String outcome = http.get("api/guards/use-kept");
        assertTrue(outcome.startsWith("FORKSCOPE-102: EntityManager.find was called on a fork of unit 'bookstore' "
                + "whose context has ended; the context was opened by the HTTP request on thread"), outcome);
    }

    @Test
    void anEntityOfTheRequestMergedInANestedContextIsRefused() throws Exception {
        String outcome = http.get("api/guards/mixing");
        assertTrue(outcome.startsWith("FORKSCOPE-103: EntityManager.merge was given a Book that is managed by another "
                + "live context"), outcome);
    }

    @Test
    void aContextThatDiscardsChangesWarns() throws Exception {
        String warnings = http.get("api/guards/discarded");
        assertTrue(warnings.startsWith("FORKSCOPE-105: the context opened by Forkscope.run/call"), warnings);
        assertTrue(warnings.contains("which were discarded: (1 changed Book)"), warnings);
    }

    @Test
    void aContextWhoseIdentityMapOutgrowsTheConfiguredLimitWarnsOnce() throws Exception {
        String warnings = http.get("api/guards/growth");
        assertTrue(warnings.startsWith("FORKSCOPE-106: the fork of unit 'bookstore'"), warnings);
        assertTrue(warnings.contains("more than forkscope.max-managed-entities (50)"), warnings);
        assertTrue(!warnings.contains("\n"), "more than one warning: " + warnings);
    }

    @Test
    void theMetricsAreReadableOverJmx() throws Exception {
        String jmx = http.get("api/guards/jmx");
        String api = jmx.substring(jmx.indexOf("api=") + 4);
        assertTrue(jmx.contains("guards=" + api + ";"), jmx);
    }

    @Test
    void aTitleUpperCasedForDisplayAndWrittenByALaterTransactionWarnsOnceNamingTheEntity() throws Exception {
        String outcome = http.get("api/guards/ghost-flush");
        assertTrue(outcome.startsWith("committed\n"), outcome);
        assertEquals(1, outcome.lines().filter(line -> line.startsWith("FORKSCOPE-107")).count(), outcome);
        assertTrue(outcome.contains("in the context opened by the HTTP request on thread"), outcome);
        assertTrue(outcome.contains("handed to the EntityManager: (1 changed Book)"), outcome);
        assertEquals("{\"id\":1,\"title\":\"BOOK 1\"}", http.get("api/book/1"), "the write the warning is about");
    }

    @Test
    void changesMadeOrHandedOverInsideTheTransactionDoNotWarn() throws Exception {
        String outcome = http.get("api/guards/no-ghost-flush");
        assertFalse(outcome.contains("FORKSCOPE-107"), outcome);
        assertEquals("{\"id\":2,\"title\":\"renamed inside\"}", http.get("api/book/2"));
        assertEquals("{\"id\":3,\"title\":\"changed, then merged inside\"}", http.get("api/book/3"));
    }

    @Test
    void aThousandTransactionsThatChangeOnlyInsideLogNothing() throws Exception {
        assertEquals("", http.get("api/guards/clean-transactions"));
        assertEquals("{\"id\":2,\"title\":\"clean 999\"}", http.get("api/book/2"));
    }

    @Test
    void aQueryOfTheRequestRunByAnExecutorTaskWhileTheRequestIsInsideIsRefused() throws Exception {
        String outcome = http.get("api/guards/query-threads");
        assertTrue(outcome.startsWith("ConcurrentForkUseException: FORKSCOPE-101: TypedQuery.getResultList was called on "
                + "thread"), outcome);
        assertTrue(outcome.endsWith("; afterwards the request's fork still manages its Book 1: true"), outcome);
    }

    @Test
    void aQueryKeptPastItsRequestFailsInTheNextOne() throws Exception {
        http.get("api/guards/keep-query");
        String outcome = http.get("api/guards/use-kept-query");
        assertTrue(outcome.startsWith("FORKSCOPE-102: TypedQuery.getResultList was called on a fork of unit 'bookstore' "
                + "whose context has ended"), outcome);
    }
}
