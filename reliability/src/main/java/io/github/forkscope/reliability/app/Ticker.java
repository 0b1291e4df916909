package io.github.forkscope.reliability.app;

import io.github.forkscope.RequestContextual;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * An EJB timer that writes one row a second, each tick in a context and a container transaction of
 * its own; with {@link Faults#tickThrowsEvery} on, some ticks throw after writing and must leave no
 * row. Row ids start at {@value #FIRST_ID}. It writes only where the server runs with
 * {@code -Dreliability.ticks=true}, so that instances and deployments on one database never
 * collide. A singleton with the container's write lock: one tick at a time.
 */
@Singleton
@Startup
public class Ticker {

    static final long FIRST_ID = 9_000_000_000L;

    private final boolean writes = Boolean.getBoolean("reliability.ticks");
    private long ticks;

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Faults faults;
    @Inject
    OpenForks openForks;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @RequestContextual
    public void tick() {
        if (!writes) {
            return;
        }
        long tick = ++ticks;
        long id = FIRST_ID + tick;
        em.persist(new Item(id, "timer", "tick-" + tick, "committed:tick-" + tick));
        em.flush();
        openForks.watchCurrent();
        ledger.track("timer", id);
        if (faults.tickThrows(tick)) {
            throw new InjectedFault("timer tick " + tick + " threw after writing " + id);
        }
    }
}
