package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.ForkscopeConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 6.3 and 6.5 with settings: the identity-map limit, and the fork-mixing guard switched off.
 * Each test starts its own container with the settings given through the configuration seam, so
 * the test process's own properties and environment stay untouched.
 */
class GuardSettingsTest {

    private static WeldContainer start(Map<String, String> settings) throws Exception {
        WeldContainer container = new Weld().disableDiscovery().containerId("guard-settings")
                .addExtension(new ForkscopeExtension(new Settings(settings::get)))
                .addBeanClasses(Library.class)
                .initialize();
        for (int id = 1; id <= 20; id++) {
            WeldTest.jdbcUpdate(WeldTest.MAIN_URL, "insert into Book (id, title) values (" + id + ", 'Book " + id + "')");
        }
        return container;
    }

    @Test
    void crossingTheIdentityMapLimitWarnsOncePerContextNotOncePerEntity() throws Exception {
        try (WeldContainer container = start(Map.of(ForkscopeConfig.MAX_MANAGED_ENTITIES, "5"));
             LogCapture log = LogCapture.start()) {
            var em = container.select(Library.class).get().em();
            Forkscope.run(() -> em.createQuery("select b from Book b where b.id <= 4", Book.class).getResultList());
            assertEquals(List.of(), log.warnings("FORKSCOPE-106"), "a context under the limit warned");

            Forkscope.run(() -> {
                em.createQuery("select b from Book b", Book.class).getResultList();
                for (long id = 1; id <= 20; id++) {
                    em.find(Book.class, id);
                }
            });
            Forkscope.run(() -> em.createQuery("select b from Book b", Book.class).getResultList());

            List<String> warnings = log.warnings("FORKSCOPE-106");
            assertEquals(2, warnings.size(), "one warning per context: " + warnings);
            assertTrue(warnings.get(0).contains("manages 20 entities, more than forkscope.max-managed-entities (5)"),
                    warnings.get(0));
            assertTrue(warnings.get(0).contains("each in a CREATE context of its own"), warnings.get(0));
            assertEquals(2, Forkscope.metrics().getIdentityMapWarnings());
            assertEquals(20, Forkscope.metrics().getLargestIdentityMap());
        }
    }

    @Test
    void withTheForkMixingGuardOffANestedContextMayMergeAnOuterEntity() throws Exception {
        try (WeldContainer container = start(Map.of(ForkscopeConfig.GUARD_FORK_MIXING, "false"));
             LogCapture log = LogCapture.start()) {
            var em = container.select(Library.class).get().em();
            Forkscope.run(() -> {
                Book outer = em.find(Book.class, 1L);
                Forkscope.run(() -> {
                    Book merged = em.merge(outer);
                    assertEquals("Book 1", merged.getTitle());
                });
            });
            assertEquals(0, Forkscope.metrics().getForkMixingTrips());
            assertEquals(List.of(), log.warnings("FORKSCOPE-103"));
        }
    }
}
