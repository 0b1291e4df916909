package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An application with beans of passivating scopes that have transaction boundaries deploys and
 * works with Forkscope's interceptor bound to them: a {@code @SessionScoped} and a
 * {@code @ConversationScoped} bean with {@code @Transactional} methods, and a
 * {@code @Stateful @SessionScoped} EJB. Each commits its write, read back by another request, and
 * the session beans keep their state across the requests of one session.
 */
class PassivatingScopesIT extends BookstoreIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("passivating")
                .addPackage(io.github.forkscope.it.app.session.Cart.class.getPackage());
    }

    @Override
    int books() {
        return 1;
    }

    @Test
    void sessionAndConversationBeansWithTransactionBoundariesDeployAndCommit() throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertEquals("1", post(session, "api/session/cart/700"));
        assertEquals("2", post(session, "api/session/cart/701"), "the session's cart lost its state");
        assertEquals("finished", post(session, "api/session/wizard/702"));
        assertEquals("1", post(session, "api/session/basket/703"));
        assertEquals("2", post(session, "api/session/basket/704"), "the session's stateful basket lost its state");
        assertEquals("{\"id\":700,\"title\":\"in the cart\"}", http.get("api/book/700"));
        assertEquals("{\"id\":702,\"title\":\"from the wizard\"}", http.get("api/book/702"));
        assertEquals("{\"id\":704,\"title\":\"in the basket\"}", http.get("api/book/704"));
    }

    private String post(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }
}
