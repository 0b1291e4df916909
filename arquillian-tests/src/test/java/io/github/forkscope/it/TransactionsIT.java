package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SPEC 4.1: the fork joins the JTA transaction of @Transactional CDI beans and of CMT EJBs. */
class TransactionsIT extends BookstoreIT {

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
}
