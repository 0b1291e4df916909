package io.github.forkscope.jta;

import io.github.forkscope.Forkscope;
import io.github.forkscope.testsupport.TransactionBoundaries;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With the thread guard off ({@code forkscope.guards.threads=false}, the benchmarks' setting), the
 * fork of every {@code REQUIRES_NEW} transaction inside another is still closed when the transaction completes:
 * the provider's own EntityManager is closed, and Hibernate's counters show as many sessions
 * closed as opened.
 */
class UnguardedThreadsTest extends JtaTest {

    /** Hides {@link JtaTest#boot()}: the setting is read as the container boots. */
    @BeforeAll
    static void boot() {
        System.setProperty("forkscope.guards.threads", "false");
        JtaTest.boot();
    }

    @AfterAll
    static void guardAgain() {
        System.clearProperty("forkscope.guards.threads");
    }

    @Test
    void everyRequiresNewForkIsClosedWithItsTransaction() throws Exception {
        TransactionBoundaries levels = bean(TransactionBoundaries.class);
        EntityManager em = em("hibernate");
        Statistics statistics = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        long opened = statistics.getSessionOpenCount();
        long closed = statistics.getSessionCloseCount();
        long first = newId();
        for (int i = 1; i < 200; i++) {
            newId();
        }
        List<EntityManager> delegates = new ArrayList<>();
        Forkscope.run(() -> levels.required(() -> {
            em.find(Item.class, 1L);
            for (int i = 0; i < 200; i++) {
                long id = first + i;
                levels.requiresNew(() -> {
                    em.persist(new Note(id, "audit"));
                    delegates.add((EntityManager) em.getDelegate());
                });
                assertFalse(delegates.get(i).isOpen(), "the provider's EntityManager of transaction " + i + " is still open");
            }
        }));
        assertEquals(201, statistics.getSessionOpenCount() - opened, "sessions opened: the context's and 200 transactions'");
        assertEquals(201, statistics.getSessionCloseCount() - closed, "sessions closed");
        assertEquals(200, jdbcCount("hibernate", "select count(*) from Note where id >= " + first));
    }
}
