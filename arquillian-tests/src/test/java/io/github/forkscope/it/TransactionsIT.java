package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SPEC 4.1: the fork joins the JTA transaction of @Transactional CDI beans and of CMT EJBs. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransactionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("transactions");
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void seed() throws Exception {
        http = new Http(base);
        http.post("api/seed?books=1");
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
