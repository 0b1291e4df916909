package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * The common part of the tests that drive one deployed bookstore over HTTP: the client, and a
 * fresh set of books before each test. Subclasses declare the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BookstoreIT {

    @ArquillianResource
    URL base;

    Http http;

    /** How many books each test starts with. */
    abstract int books();

    @BeforeEach
    void seed() throws Exception {
        http = new Http(base);
        http.post("api/seed?books=" + books());
    }
}
