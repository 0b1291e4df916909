package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches what requests leave behind: a weak reference to an entity of every request, and every
 * hundredth request's fork. After a full GC no watched entity may be alive and no fork open.
 */
@Path("/retention")
@Produces(MediaType.APPLICATION_JSON)
public class Retention {

    private static final List<WeakReference<Object>> ENTITIES = new ArrayList<>();
    private static final List<EntityManager> FORKS = new ArrayList<>();
    private static final AtomicLong REQUESTS = new AtomicLong();

    static synchronized void watch(Object entity) {
        ENTITIES.add(new WeakReference<>(entity));
        if (REQUESTS.incrementAndGet() % 100 == 0) {
            FORKS.add(Forkscope.currentEntityManager().orElseThrow());
        }
    }

    @GET
    public String report() throws InterruptedException {
        long alive = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            Thread.sleep(100);
            alive = aliveEntities();
            if (alive == 0) {
                break;
            }
        }
        synchronized (Retention.class) {
            long open = FORKS.stream().filter(EntityManager::isOpen).count();
            return "{\"watched\":" + ENTITIES.size() + ",\"alive\":" + alive + ",\"sampledForks\":" + FORKS.size()
                    + ",\"openForks\":" + open + "}";
        }
    }

    private static synchronized long aliveEntities() {
        return ENTITIES.stream().filter(ref -> ref.get() != null).count();
    }
}
