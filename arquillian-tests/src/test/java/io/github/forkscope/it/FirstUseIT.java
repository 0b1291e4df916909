package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A JTA unit whose first use is on a thread the application started, where the server's naming
 * context is not there: its services were resolved at deployment. No request touches the unit
 * before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FirstUseIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("firstuse");
    }

    @Test
    void forkscopeTransactionalOnAPlainThreadWorksAsTheUnitsFirstUse() throws Exception {
        Http http = new Http(base);
        assertEquals("committed", http.post("api/first-use/700"));
        assertEquals("{\"id\":700,\"title\":\"from a plain thread\"}", http.get("api/book/700"));
    }
}
