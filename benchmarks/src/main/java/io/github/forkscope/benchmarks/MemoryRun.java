package io.github.forkscope.benchmarks;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.WeldContainer;

import java.lang.management.ManagementFactory;

/**
 * P5: retained heap after N requests that each load 100 entities, in one of two applications:
 * {@code forkscope} (a fork per request) or {@code shared} (one EntityManager kept for the life of
 * the application, the anti-pattern of the seeds). After each checkpoint it runs a full GC and
 * prints {@code P5 <mode> <requests> <bytes used>}.
 */
public final class MemoryRun {

    private static final int PER_REQUEST = 100;

    private MemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int[] checkpoints = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int rows = checkpoints[checkpoints.length - 1] * PER_REQUEST;
        try (WeldContainer container = BenchApp.start("on")) {
            BenchApp.insertBooks("jdbc:h2:mem:bench", rows);
            EntityManager contextual = container.select(EntityManager.class).get();
            EntityManager shared = contextual.getEntityManagerFactory().createEntityManager();
            int done = 0;
            for (int checkpoint : checkpoints) {
                for (; done < checkpoint; done++) {
                    long from = (long) done * PER_REQUEST;
                    if (mode.equals("shared")) {
                        load(shared, from);
                    } else {
                        Forkscope.run(() -> load(contextual, from));
                    }
                }
                System.out.println("P5 " + mode + " " + checkpoint + " " + usedAfterFullGc());
            }
            shared.close();
        }
    }

    private static void load(EntityManager em, long from) {
        int loaded = em.createQuery("select b from Book b where b.id > :from and b.id <= :to", Book.class)
                .setParameter("from", from).setParameter("to", from + PER_REQUEST).getResultList().size();
        if (loaded != PER_REQUEST) {
            throw new IllegalStateException("loaded " + loaded);
        }
    }

    private static long usedAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
