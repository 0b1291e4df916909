package io.github.forkscope.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How each server hands Forkscope a unit's {@code EntityManagerFactory}, as the README's support
 * table says: by itself, through {@code @PersistenceUnit} on a type the extension adds, or only
 * where the application declares the unit at {@code java:comp/env/forkscope/<unit>}, which an
 * application without that line learns from {@code FORKSCOPE-015} at the unit's first use.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitHandoverIT {

    private static final Map<String, String> FIRST_USE = Map.of(
            "wildfly", "persisted",
            "wildfly-preview", "persisted",
            "payara", "FORKSCOPE-015",
            "glassfish", "FORKSCOPE-015",
            "liberty", "FORKSCOPE-015");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.undeclaredUnit("undeclared-unit");
    }

    @Test
    void aUnitNoClassDeclaresIsHandedOverOnlyWhereTheServerDoesItByItself() throws Exception {
        String server = System.getProperty("forkscope.server");
        assertEquals(FIRST_USE.get(server), new Http(base).post("api/unit/800"), server);
    }
}
