package io.github.forkscope.benchmarks;

import io.github.forkscope.Forkscope;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.WeldContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * P6: raise the price of every row of a table in chunks of 1,000, either with a CREATE context
 * per chunk ({@code forkscope}) or with the hand-written loop on one EntityManager that flushes and
 * clears after each chunk ({@code handwritten}). Meant to run with {@code -Xmx64m} and
 * {@code -Dforkscope.datasource.bench.url} pointing at an H2 file, so that the rows live on disk.
 * Checks that every row was updated and prints {@code P6 <mode> <rows> <millis> <rows per second>}.
 */
public final class BatchRun {

    private static final int CHUNK = 1_000;

    private BatchRun() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rows = Integer.parseInt(args[1]);
        String url = System.getProperty("forkscope.datasource.bench.url");
        try (WeldContainer container = BenchApp.start(args.length > 2 ? args[2] : "on")) {
            BenchApp.insertBooks(url, rows);
            EntityManager em = container.select(EntityManager.class).get();
            long start = System.nanoTime();
            if (mode.equals("handwritten")) {
                handwritten(em.getEntityManagerFactory().createEntityManager(), rows);
            } else {
                for (long from = 0; from < rows; from += CHUNK) {
                    long chunk = from;
                    Forkscope.run(() -> Forkscope.transactional(() -> raise(em, chunk)));
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            check(url, rows);
            System.out.println("P6 " + mode + " " + rows + " " + millis + " " + (rows * 1000L / Math.max(1, millis)));
        }
    }

    private static void handwritten(EntityManager em, int rows) {
        try {
            for (long from = 0; from < rows; from += CHUNK) {
                em.getTransaction().begin();
                raise(em, from);
                em.flush();
                em.clear();
                em.getTransaction().commit();
            }
        } finally {
            em.close();
        }
    }

    private static void raise(EntityManager em, long from) {
        List<Book> books = em.createQuery("select b from Book b where b.id > :from and b.id <= :to", Book.class)
                .setParameter("from", from).setParameter("to", from + CHUNK).getResultList();
        for (Book book : books) {
            book.setPrice(book.getPrice() + 1);
        }
    }

    private static void check(String url, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from Book where price = 101")) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException("only " + rs.getLong(1) + " of " + rows + " rows were updated");
            }
        }
    }
}
