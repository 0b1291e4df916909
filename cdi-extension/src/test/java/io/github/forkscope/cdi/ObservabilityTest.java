package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.ForkscopeMetrics;
import io.github.forkscope.GlobalContextException;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC 7: counters readable from code and over JMX. */
class ObservabilityTest extends WeldTest {

    @Test
    void countersFollowContextsForksAndViolations() {
        EntityManager em = bean(Library.class).em();
        ForkscopeMetrics metrics = Forkscope.metrics();
        long opened = metrics.getContextsOpened();
        long closed = metrics.getContextsClosed();
        long forks = metrics.getForksCreated();
        long violations = metrics.getGlobalContextViolations();

        Forkscope.run(() -> {
            em.find(Book.class, SEEDED_BOOK);
            assertEquals(1, metrics.getContextsActive() - (opened - closed));
            Forkscope.run(() -> em.find(Book.class, SEEDED_BOOK));
        });
        Forkscope.run(() -> { });
        assertThrows(GlobalContextException.class, () -> em.find(Book.class, SEEDED_BOOK));

        assertEquals(opened + 3, metrics.getContextsOpened());
        assertEquals(closed + 3, metrics.getContextsClosed());
        assertEquals(opened - closed, metrics.getContextsActive());
        assertEquals(forks + 2, metrics.getForksCreated(), "an untouched context created a fork");
        assertEquals(violations + 1, metrics.getGlobalContextViolations());
    }

    @Test
    void theMetricsAreAnMBeanWithTheDocumentedNameAndTheSameValues() throws Exception {
        EntityManager em = bean(Library.class).em();
        Forkscope.run(() -> em.createQuery("select b from Book b", Book.class).getResultList());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.github.forkscope:type=Forkscope,name=application");
        assertTrue(server.isRegistered(name), server.queryNames(new ObjectName("io.github.forkscope:*"), null).toString());
        ForkscopeMetrics metrics = bean(ForkscopeExtension.class).metrics();
        assertEquals(metrics.getForksCreated(), server.getAttribute(name, "ForksCreated"));
        assertEquals(metrics.getContextsOpened(), server.getAttribute(name, "ContextsOpened"));
        assertEquals(metrics.getLargestIdentityMap(), server.getAttribute(name, "LargestIdentityMap"));
        assertEquals(1L, server.getAttribute(name, "LargestIdentityMap"));
    }

    @Test
    void aSecondContainerInTheSameJvmGetsTheNextNameAndGivesItBackAtShutdown() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName second = new ObjectName("io.github.forkscope:type=Forkscope,name=application-2");
        try (org.jboss.weld.environment.se.WeldContainer other = new org.jboss.weld.environment.se.Weld()
                .disableDiscovery().containerId("second").addExtension(new ForkscopeExtension()).initialize()) {
            assertTrue(server.isRegistered(second), server.queryNames(new ObjectName("io.github.forkscope:*"), null).toString());
        }
        assertFalse(server.isRegistered(second), "the second container's MBean outlived it");
        assertEquals("\"a,b\"", MetricsMBean.value("a,b"), "a name with a reserved character is quoted");
    }
}
