package com.example.bookstore;

import io.github.forkscope.junit5.FailOnGuardTrips;
import io.github.forkscope.junit5.ForkscopeTest;
import io.github.forkscope.junit5.Rollback;
import io.github.forkscope.junit5.TestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The catalogue in Java SE, as an application tests its own code with forkscope-junit5: every test
 * in a context of its own and a transaction rolled back at its end, failing on any guard trip. The
 * test starts Weld SE itself with the one bean it tests (the WAR has no beans.xml to discover), and
 * the extension uses that container.
 */
@ForkscopeTest
@Rollback
@FailOnGuardTrips
class CatalogTest {

    @Inject
    Catalog catalog;
    @Inject
    EntityManager em;

    @Test
    void aBookAddedInTheTestIsTheInstanceTheTestFindsAgain(TestContext context) {
        Book added = catalog.add(new NewBook("Dune", "Frank Herbert", new BigDecimal("9.99"), 12));
        assertSame(added, catalog.find(added.getId()).orElseThrow());
        assertSame(added, em.find(Book.class, added.getId()));
        assertEquals(1, catalog.list("dune").size());
        assertEquals(2, context.managedEntities("bookstore"), "the book and its author");
    }

    @Test
    void anInvalidBookIsRefused() {
        assertThrows(InvalidBookException.class, () -> catalog.add(new NewBook("Free", "Nobody", BigDecimal.ZERO, 1)));
    }

    private static WeldContainer container;

    @BeforeAll
    static void start() {
        container = new Weld().addBeanClasses(Catalog.class).initialize();
    }

    @AfterAll
    static void everyTestWasRolledBack() throws SQLException {
        container.shutdown();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:bookstore", "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from Book")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "books left in the database after the tests");
        }
    }
}
