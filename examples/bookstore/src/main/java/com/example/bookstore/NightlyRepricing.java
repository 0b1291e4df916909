package com.example.bookstore;

import io.github.forkscope.RequestContextual;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Marks down overstocked books every night, in chunks. The tick runs in a context of its own
 * ({@code @RequestContextual}) that reads only ids; each chunk then runs in a fresh context and
 * transaction of its own ({@link PriceMarkdown}), so the job never holds more than one chunk of
 * books in memory, however large the catalogue. The tick itself runs without a container
 * transaction ({@code NOT_SUPPORTED}): inside one, every chunk would join it and stay in memory
 * until it commits at the very end. A Jakarta EE server runs every EJB timeout in a CDI request
 * context, which Forkscope would use as the tick's context anyway; {@code @RequestContextual} says
 * so in the code and keeps it so if the job moves to another scheduler.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NightlyRepricing {

    static final int OVERSTOCKED = 10;
    static final int CHUNK_SIZE = 10;

    @Inject
    EntityManager em;
    @Inject
    PriceMarkdown markdown;
    @Inject
    Activity activity;
    @Resource
    TimerService timers;

    @Schedule(hour = "2", persistent = false)
    @RequestContextual
    public void nightly() {
        reprice();
    }

    /** Starts the same job at once, as a one-off timer (the tour's way of not waiting for 2 a.m.). */
    @Lock(LockType.READ) // returns at once, also while a run holds the bean's write lock
    public void startNow() {
        timers.createSingleActionTimer(0, new TimerConfig("repricing-now", false));
    }

    @Timeout
    @RequestContextual
    public void onDemand(Timer timer) {
        reprice();
    }

    private void reprice() {
        List<Long> ids = em.createQuery("select b.id from Book b where b.stock > :stock order by b.id", Long.class)
                .setParameter("stock", OVERSTOCKED)
                .getResultList();
        activity.record("timer", "repricing " + ids.size() + " overstocked books in chunks of " + CHUNK_SIZE);
        for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
            List<Long> chunk = ids.subList(from, Math.min(from + CHUNK_SIZE, ids.size()));
            try {
                markdown.apply(chunk);
            } catch (RuntimeException failed) {
                // the chunk rolled back alone; the chunks before it are committed, the next ones still run
                activity.record("timer", "a chunk failed and was rolled back (ids " + chunk + "): " + failed);
            }
        }
        activity.record("timer", "repricing done");
    }
}
