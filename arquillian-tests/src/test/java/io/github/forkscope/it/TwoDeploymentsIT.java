package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004: two deployments of one application share one database, as instances behind a load
 * balancer do. A change made through one is read fresh through the other; a third deployment that
 * reads through the global context (escape hatch on, no request context) serves stale data, which
 * shows that the check can fail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoDeploymentsIT {

    private static final int ROUNDS = 100;

    @Deployment(name = "a", order = 1, testable = false)
    static WebArchive instanceA() {
        return Deployments.bookstore("store-a");
    }

    @Deployment(name = "b", order = 2, testable = false)
    static WebArchive instanceB() {
        return Deployments.bookstore("store-b");
    }

    @Deployment(name = "global", order = 3, testable = false)
    static WebArchive globalInstance() {
        return Deployments.bookstore("store-global")
                .addAsResource("app/global-context.properties", "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    @ArquillianResource
    @OperateOnDeployment("global")
    URL global;

    @BeforeEach
    void seed() throws Exception {
        new Http(a).post("api/seed?books=1");
    }

    @Test
    void aChangeMadeThroughOneInstanceIsReadFreshThroughTheOther() throws Exception {
        assertEquals(0, staleReads("api/book/1", new Http(b)));
    }

    @Test
    void theGlobalContextServesStaleData() throws Exception {
        int stale = staleReads("api/background/plain/1", new Http(global));
        assertTrue(stale >= ROUNDS - 1, "the global context read fresh data " + (ROUNDS - stale) + " times");
    }

    private int staleReads(String readPath, Http reader) throws Exception {
        Http writer = new Http(a);
        int stale = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String title = "v" + round;
            writer.post("api/rename/1?title=" + title);
            if (!reader.get(readPath).contains(title)) {
                stale++;
            }
        }
        return stale;
    }
}
