package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.ForkscopeConfig;
import io.github.forkscope.Unit;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ghost-flush guard ({@code FORKSCOPE-107}, seed 003): a transaction that would write changes
 * made before it began warns, or in {@code fail} mode rolls back; changes made or claimed inside
 * the transaction never count. On Hibernate ("main") and EclipseLink ("eclipselink"), each test in
 * a container of its own with the mode given through the configuration seam; what was written is
 * read back over plain JDBC.
 */
class GhostFlushTest {

    private static final long BOOK = 1L;
    private static final long OTHER = 2L;

    private static WeldContainer start(String mode) throws Exception {
        Map<String, String> settings = mode == null ? Map.of() : Map.of(ForkscopeConfig.GUARD_GHOST_FLUSH, mode);
        WeldContainer container = new Weld().disableDiscovery().containerId("ghost-flush")
                .addExtension(new ForkscopeExtension(new Settings(settings::get)))
                .initialize();
        for (String url : new String[]{WeldTest.MAIN_URL, WeldTest.ECLIPSELINK_URL}) {
            WeldTest.jdbcUpdate(url, "delete from Book");
            WeldTest.jdbcUpdate(url, "insert into Book (id, title) values (" + BOOK + ", 'Dune')");
        }
        return container;
    }

    private static EntityManager em(WeldContainer container, String unit) {
        return container.select(EntityManager.class, Unit.Literal.of(unit)).get();
    }

    private static String url(String unit) {
        return unit.equals("main") ? WeldTest.MAIN_URL : WeldTest.ECLIPSELINK_URL;
    }

    /** A title upper-cased to shape a response, then a transaction that saves something else. */
    private static void shapeForDisplayThenSaveAnother(EntityManager em, String unit) {
        Forkscope.run(() -> {
            Book shown = em.find(Book.class, BOOK);
            shown.setTitle(shown.getTitle().toUpperCase());
            Forkscope.transactional(unit, () -> em.persist(new Book(OTHER, "Emma")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aTitleUpperCasedForDisplayAndWrittenByALaterTransactionWarnsOnceNamingTheEntity(String unit) throws Exception {
        try (WeldContainer container = start(null); LogCapture log = LogCapture.start()) {
            shapeForDisplayThenSaveAnother(em(container, unit), unit);
            List<String> warnings = log.warnings("FORKSCOPE-107");
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("FORKSCOPE-107: a transaction on unit '" + unit + "' commits changes "
                    + "that were made before it began, in the context opened by Forkscope.run/call"), warnings.get(0));
            assertTrue(warnings.get(0).contains("handed to the EntityManager: (1 changed Book)"), warnings.get(0));
            assertTrue(warnings.get(0).contains("copy them to a DTO or em.detach them first"), warnings.get(0));
            assertEquals(1, Forkscope.metrics().getGhostFlushWarnings());
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            var names = server.queryNames(new javax.management.ObjectName("io.github.forkscope:type=Forkscope,*"), null);
            assertEquals(1L, server.getAttribute(names.iterator().next(), "GhostFlushWarnings"), "the MBean attribute");
            assertEquals("DUNE", GuardRailsTest.jdbcTitle(url(unit), BOOK), "the warning is about a write that happened");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void changesMadeOrClaimedInsideTheTransactionNeverWarnOverAThousandTransactions(String unit) throws Exception {
        try (WeldContainer container = start(null); LogCapture log = LogCapture.start()) {
            EntityManager em = em(container, unit);
            Forkscope.run(() -> {
                Book book = em.find(Book.class, BOOK);
                book.setTitle("changed, then merged inside");
                Forkscope.transactional(unit, () -> em.merge(book));
                for (int i = 0; i < 1000; i++) {
                    String title = "changed inside " + i;
                    Forkscope.transactional(unit, () -> book.setTitle(title));
                }
            });
            assertEquals(List.of(), log.warnings("FORKSCOPE-107"));
            assertEquals(0, Forkscope.metrics().getGhostFlushWarnings());
            assertEquals("changed inside 999", GuardRailsTest.jdbcTitle(url(unit), BOOK));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void inFailModeTheTransactionRollsBackAndTheDatabaseIsUnchanged(String unit) throws Exception {
        try (WeldContainer container = start("fail"); LogCapture log = LogCapture.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> shapeForDisplayThenSaveAnother(em(container, unit), unit));
            assertTrue(e.getMessage().startsWith("FORKSCOPE-107: a transaction on unit '" + unit + "' was about to "
                    + "commit changes"), e.getMessage());
            assertTrue(e.getMessage().contains("The transaction was rolled back"), e.getMessage());
            assertEquals(1, log.warnings("FORKSCOPE-107").size());
            assertEquals("Dune", GuardRailsTest.jdbcTitle(url(unit), BOOK));
            assertEquals(0, WeldTest.jdbcCount(url(unit), "Book where id = " + OTHER), "the rolled-back insert is there");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void offIsSilent(String unit) throws Exception {
        try (WeldContainer container = start("off"); LogCapture log = LogCapture.start()) {
            shapeForDisplayThenSaveAnother(em(container, unit), unit);
            assertEquals(List.of(), log.warnings("FORKSCOPE-107"));
            assertEquals(0, Forkscope.metrics().getGhostFlushWarnings());
        }
    }

    @Test
    void aModeOtherThanWarnFailOrOffFailsTheDeployment() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> start("loud").close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("FORKSCOPE-009: configuration key forkscope.guards.ghost-flush has the "
                + "value 'loud', which is not warn, fail or off"), messages.toString());
    }
}
