package io.github.forkscope.it;

import io.github.forkscope.it.app.platform.PlatformResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 5.4 on a Jakarta EE 11 platform (WildFly Preview, GlassFish 8), which registers an {@code EntityManager}
 * bean and others for each persistence unit: an application written for EE 10 deploys unchanged,
 * its unqualified {@code @Inject EntityManager} gets Forkscope's, the platform's other beans work,
 * a unit that gives the platform's beans a {@code <qualifier>} keeps both EntityManagers
 * reachable, and the server log says which one unqualified injection points get.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "forkscope.server", matches = "wildfly-preview|glassfish")
class PlatformBeansIT {

    @Deployment(name = "unchanged", order = 1, testable = false)
    static WebArchive unchanged() {
        return Deployments.bookstore("platform").addPackage(PlatformResource.class.getPackage());
    }

    @Deployment(name = "qualified", order = 2, testable = false)
    static WebArchive qualified() {
        return Deployments.bookstore("platform-qualified").addPackage(PlatformResource.class.getPackage())
                .addAsResource("app/persistence-qualified.xml", "META-INF/persistence.xml");
    }

    @ArquillianResource
    @OperateOnDeployment("unchanged")
    URL unchanged;

    @ArquillianResource
    @OperateOnDeployment("qualified")
    URL qualified;

    @Test
    void anUnchangedApplicationGetsForkscopesEntityManagerAndThePlatformsOtherBeans() throws Exception {
        assertEquals("""
                unqualified: Forkscope contextual EntityManager of unit 'bookstore'
                factory @Default: Book
                criteria @Default: Book
                EntityManager @Legacy: none""", new Http(unchanged).get("api/platform"));
    }

    @Test
    void aUnitThatQualifiesThePlatformsBeansKeepsBothEntityManagersReachable() throws Exception {
        Http http = new Http(qualified);
        assertEquals("""
                unqualified: Forkscope contextual EntityManager of unit 'bookstore'
                factory @Legacy: Book
                criteria @Legacy: Book
                EntityManager @Legacy: resolvable""", http.get("api/platform"));
        assertEquals("separate", http.post("api/platform/legacy/901"),
                "the platform's transaction-scoped persistence context is not the request's fork");
        assertEquals("{\"id\":901,\"title\":\"through the platform\"}", http.get("api/book/901"));
    }

    @Test
    void theServerLogSaysWhichBeanUnqualifiedInjectionPointsGet() throws Exception {
        Path log = Path.of(System.getProperty("forkscope.server.logs"));
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains("FORKSCOPE-017")).toList();
        String prefix = "FORKSCOPE-017: an unqualified @Inject EntityManager gets Forkscope's contextual EntityManager "
                + "of unit 'bookstore'. Other EntityManager beans: [";
        // each platform names its beans' scope its own way (WildFly @TransactionScoped, GlassFish @Dependent)
        assertTrue(lines.stream().anyMatch(line -> otherBeans(line, prefix).contains("@Default")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> otherBeans(line, prefix).contains("@Legacy")), lines.toString());
    }

    private static String otherBeans(String line, String prefix) {
        int start = line.indexOf(prefix);
        return start < 0 ? "" : line.substring(start + prefix.length(), line.indexOf(']', start + prefix.length()));
    }
}
