package io.github.forkscope.it;

import io.github.forkscope.it.app.security.SignedIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One request, one identity map, from the authentication mechanism on: a Jakarta Security
 * identity store that loads its caller's book through the injected {@code EntityManager}, before
 * any filter runs, loads the instance the application then gets, and a setter-only change the
 * application makes to it in {@code @Transactional} is saved.
 */
class SignedInIT extends BookstoreIT {

    /** WildFly associates a web application with its security domain, which Jakarta Security needs, through this file; other servers ignore it. */
    private static final String JBOSS_WEB_XML = """
            <jboss-web xmlns="urn:jboss:jakartaee:1.0" version="15.0">
              <security-domain>other</security-domain>
            </jboss-web>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bookstore("signed-in")
                .addPackage(SignedIn.class.getPackage())
                .addAsWebInfResource(new StringAsset(JBOSS_WEB_XML), "jboss-web.xml");
    }

    @Override
    int books() {
        return 2;
    }

    @Test
    void theIdentityStoresBookIsTheApplicationsAndItsChangeIsSaved() throws Exception {
        Http owner = http.withHeader("X-Book-Owner", "2");
        assertEquals("2: same instance", owner.get("api/signed-in/same"));
        assertEquals("renamed", owner.post("api/signed-in/rename?title=renamed-by-its-owner"));
        assertEquals("{\"id\":2,\"title\":\"renamed-by-its-owner\"}", http.get("api/book/2"));
    }

    @Test
    void aRequestWithoutTheHeaderSignsNobodyIn() throws Exception {
        assertEquals("nobody signed in", http.get("api/signed-in/same"));
    }
}
