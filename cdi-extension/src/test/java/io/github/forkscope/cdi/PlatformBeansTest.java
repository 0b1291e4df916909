package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.inject.Any;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 5.4: beside the {@code EntityManager} beans a Jakarta EE 11 platform registers, an
 * unqualified {@code @Inject EntityManager} gets Forkscope's contextual EntityManager, a startup
 * line says so, and the platform's beans stay reachable by their qualifiers. Forkscope's beans
 * are enabled alternatives, so that even an {@code @Any} lookup lists only them.
 */
class PlatformBeansTest {

    private static WeldContainer start() {
        return new Weld().disableDiscovery().containerId("platform-beans")
                .addExtension(new ForkscopeExtension()).addExtension(new PlatformBeans())
                .addBeanClass(PlatformBeansClient.class).initialize();
    }

    @Test
    void anUnqualifiedInjectionPointGetsForkscopesEntityManagerAndTheQualifiedPlatformBeanStaysReachable() {
        try (LogCapture log = LogCapture.start(); WeldContainer container = start()) {
            PlatformBeansClient client = container.select(PlatformBeansClient.class).get();
            assertEquals("Forkscope contextual EntityManager of unit 'main'", client.em.toString());
            String title = Forkscope.call(() -> client.em.find(Book.class, 1L) == null ? "none" : "found");
            assertTrue(List.of("none", "found").contains(title), "the injected EntityManager reaches the fork");
            assertEquals("platform EntityManager @Legacy", client.platformEm.toString());
            assertEquals("platform EntityManagerFactory", client.factory.toString());
            List<String> all = container.select(EntityManager.class, Any.Literal.INSTANCE).stream()
                    .map(Object::toString).sorted().toList();
            assertEquals(List.of("Forkscope contextual EntityManager of unit 'eclipselink'",
                    "Forkscope contextual EntityManager of unit 'main'",
                    "Forkscope contextual EntityManager of unit 'reporting'"), all,
                    "alternatives win any lookup they take part in, @Any included");

            List<String> lines = log.messages(Level.INFO, "FORKSCOPE-017");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("FORKSCOPE-017: an unqualified @Inject EntityManager gets Forkscope's "
                    + "contextual EntityManager of unit 'main'. Other EntityManager beans: "
                    + "[@Dependent @Default EntityManager (jakarta.persistence.EntityManager), "
                    + "@Dependent @Legacy EntityManager (jakarta.persistence.EntityManager)]"), lines.get(0));
            assertTrue(lines.get(0).contains("giving its unit a <qualifier> in persistence.xml"), lines.get(0));
        }
    }

    @Test
    void anApplicationAlternativeWithAHigherPriorityWinsAndTheStartupLineSaysSo() {
        try (LogCapture log = LogCapture.start();
             WeldContainer container = new Weld().disableDiscovery().containerId("alternative-producer")
                     .addExtension(new ForkscopeExtension()).addBeanClass(AlternativeProducerClient.class).initialize()) {
            assertEquals("test double", container.select(AlternativeProducerClient.class).get().em.toString());
            List<String> lines = log.messages(Level.INFO, "FORKSCOPE-017");
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("FORKSCOPE-017: an unqualified @Inject EntityManager gets @Dependent "
                    + "@Default EntityManager (io.github.forkscope.cdi.AlternativeProducerClient), an alternative with a "
                    + "priority above Forkscope's (1000); Forkscope's is injected with @Unit(\"main\")"), lines.get(0));
        }
    }
}
