package io.github.forkscope.it;

import io.github.forkscope.it.app.request.OtherLibraryInitializer;
import jakarta.servlet.ServletContainerInitializer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One request, one identity map, from before the first filter to the error page: a request
 * listener (which runs before every filter) and a filter that another library's initializer
 * registered first in line load a book, and the application gets the same instance and saves a
 * setter-only change to it in {@code @Transactional}; an {@code <error-page>} dispatched after a
 * failure reaches the failed request's fork.
 */
class OneRequestIT extends BookstoreIT {

    private static final String WEB_XML = """
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <error-page>
                <exception-type>jakarta.servlet.ServletException</exception-type>
                <location>/error-page</location>
              </error-page>
            </web-app>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("onerequest")
                .addPackage(OtherLibraryInitializer.class.getPackage())
                .addAsServiceProvider(ServletContainerInitializer.class, OtherLibraryInitializer.class)
                .setWebXML(new StringAsset(WEB_XML));
    }

    @Override
    int books() {
        return 1;
    }

    @Test
    void codeThatRunsBeforeForkscopesFilterSharesTheRequestsForkAndItsChangeIsSaved() throws Exception {
        String seen = http.get("api/early/same");
        assertTrue(seen.startsWith("listener: same instance, filter: same instance"), seen);
        assertEquals("renamed", http.post("api/early/rename?title=renamed-early"));
        assertEquals("{\"id\":1,\"title\":\"renamed-early\"}", http.get("api/book/1"));
    }

    @Test
    void theErrorPageReachesTheFailedRequestsFork() throws Exception {
        HttpResponse<String> response = http.send("GET", "fail");
        assertEquals(500, response.statusCode(), response.body());
        assertEquals("same instance", response.body().trim());
    }
}
