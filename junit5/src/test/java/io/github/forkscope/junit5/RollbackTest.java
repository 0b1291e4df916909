package io.github.forkscope.junit5;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.github.forkscope.Forkscope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link Rollback}: test classes run through JUnit's own engine, then the database read over plain
 * JDBC. Writes of the set-up and the test, committed through {@code Forkscope.transactional}, are gone with it, on Hibernate and EclipseLink; the same class without
 * the annotation leaves them, so the check can fail.
 */
class RollbackTest {

    @Test
    void aRollbackTestLeavesTheDatabaseAsItWasBefore() throws SQLException {
        run(WritesRolledBack.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        for (String unit : Seed.UNITS) {
            assertEquals(0, Jdbc.count(unit, "id in (500, 501, 502)"), "rows left in unit " + unit);
            assertEquals(1, Jdbc.count(unit, "id = 1 and text = 'first'"), "the seeded note changed in unit " + unit);
        }
    }

    @Test
    void aNestedClassOfARollbackClassIsRolledBackToo() throws SQLException {
        run(NestedInARollbackClass.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        for (String unit : Seed.UNITS) {
            assertEquals(0, Jdbc.count(unit, "id in (500, 501, 502)"), "rows left in unit " + unit);
        }
    }

    @Test
    void withoutRollbackTheSameWritesStay() throws SQLException {
        run(WritesKept.class).assertStatistics(stats -> stats.started(1).succeeded(1));
        for (String unit : Seed.UNITS) {
            assertEquals(3, Jdbc.count(unit, "id in (500, 501, 502)"), "rows in unit " + unit);
        }
    }

    @Test
    void aConstraintTheTestBreaksFailsItAsACommitWouldAndIsRolledBack() throws SQLException {
        run(BreaksAConstraint.class).assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(1, Jdbc.count("main", "id = 1"), "the seeded note");
    }

    /** The tear-down that fails still removes the log capture of @FailOnGuardTrips, or it would collect for the rest of the run. */
    @Test
    void aFailedRollbackLeavesNoLogCaptureBehind() {
        Logger forkscope = Logger.getLogger("io.github.forkscope");
        List<Handler> before = List.of(forkscope.getHandlers());
        run(BreaksAConstraintUnderTheTripCheck.class).assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(before, List.of(forkscope.getHandlers()));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    /** Writes in the set-up and in the test; checks inside that the writes are visible to the test itself. */
    abstract static class Writes {
        @Inject
        Notes notes;

        @BeforeEach
        void setUp() throws SQLException {
            Seed.notes();
            for (String unit : Seed.UNITS) {
                notes.add(unit, 501, "written by the set-up");
            }
        }

        @Test
        void writes() {
            for (String unit : Seed.UNITS) {
                notes.add(unit, 500, "committed by the code under test");
                EntityManager em = Forkscope.currentEntityManager(unit).orElseThrow();
                Forkscope.transactional(unit, () -> {
                    em.persist(new Note(502, "written by the test"));
                    notes.find(unit, 1).setText("changed");
                });
                assertEquals(3, em.createQuery("select count(n) from Note n where n.id >= 500", Long.class).getSingleResult());
            }
        }
    }

    @ForkscopeTest
    @Rollback
    static class WritesRolledBack extends Writes {
    }

    @ForkscopeTest
    static class WritesKept extends Writes {
    }

    @ForkscopeTest
    @Rollback
    static class NestedInARollbackClass {
        @Nested
        class Inner extends Writes {
        }
    }

    /** Persists a second note with the seeded note's id and leaves it to the end of the test. */
    @ForkscopeTest
    @Rollback
    static class BreaksAConstraint extends WithNotes {
        @Test
        void persistsADuplicateId() {
            Forkscope.currentEntityManager("main").orElseThrow().persist(new Note(1, "duplicate"));
        }
    }

    @FailOnGuardTrips
    static class BreaksAConstraintUnderTheTripCheck extends BreaksAConstraint {
    }
}
