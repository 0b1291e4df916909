package io.github.forkscope.junit5;

import io.github.forkscope.Forkscope;
import io.github.forkscope.GlobalContextException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each test method runs in a context of its own that its {@code @BeforeEach} methods share, like a
 * request, with injection into the test and no escape hatch; on Hibernate and EclipseLink.
 */
@ForkscopeTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContextPerTestMethodTest {

    /** What the first test's context held, per unit, for the second to compare with. */
    private static final Map<String, Note> FIRST_NOTE = new ConcurrentHashMap<>();
    private static final Map<String, EntityManager> FIRST_PROVIDER = new ConcurrentHashMap<>();

    @Inject
    Notes notes;

    private final Map<String, Note> loadedBeforeEach = new ConcurrentHashMap<>();

    @BeforeEach
    void load() throws SQLException {
        Seed.notes();
        for (String unit : Seed.UNITS) {
            loadedBeforeEach.put(unit, notes.find(unit, 1));
        }
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void theTestAndItsBeforeEachShareOneContext(String unit, TestContext context) {
        Note note = notes.find(unit, 1);
        assertSame(loadedBeforeEach.get(unit), note, "the test reached the fork its @BeforeEach loaded into");
        assertEquals(1, context.managedEntities(unit));
        assertTrue(context.forks().stream().anyMatch(f -> f.unit().equals(unit) && f.open()), String.valueOf(context.forks()));
        FIRST_NOTE.put(unit, note);
        FIRST_PROVIDER.put(unit, (EntityManager) Forkscope.currentEntityManager(unit).orElseThrow().getDelegate());
    }

    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void eachTestMethodHasAFreshContextAndTheLastOneWasClosed(String unit) {
        assertNotSame(FIRST_NOTE.get(unit), notes.find(unit, 1), "a test saw an instance of an earlier test's context");
        assertFalse(FIRST_PROVIDER.get(unit).isOpen(), "the provider's EntityManager of the earlier test is still open");
    }

    @Order(3)
    @Test
    void thereIsNoGlobalContextToFallBackOn() {
        CompletableFuture<Note> elsewhere = CompletableFuture.supplyAsync(() -> notes.find("main", 1), task -> new Thread(task).start());
        ExecutionException e = assertThrows(ExecutionException.class, elsewhere::get);
        assertInstanceOf(GlobalContextException.class, e.getCause());
    }
}
