package io.github.forkscope.cdi;

import io.github.forkscope.GlobalContextException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Run in a child JVM by {@link OutsideAnyContextTest}, so that system properties and environment
 * variables are set for a fresh process and never for the test's own. Persists and reads a book
 * outside any context and prints one RESULT line.
 */
public final class GlobalContextProbe {

    private GlobalContextProbe() {
    }

    public static void main(String[] args) {
        WeldContainer container;
        try {
            container = new Weld().initialize();
        } catch (RuntimeException e) {
            System.out.println("RESULT deployment failed: " + e.getMessage());
            return;
        }
        try {
            EntityManager em = CDI.current().select(Library.class).get().em();
            em.getTransaction().begin();
            Book book = new Book(77, "global");
            em.persist(book);
            em.getTransaction().commit();
            System.out.println("RESULT persisted, same instance: " + (em.find(Book.class, 77L) == book));
        } catch (GlobalContextException e) {
            System.out.println("RESULT " + e.getMessage().substring(0, "FORKSCOPE-001".length()));
        } finally {
            container.shutdown();
        }
    }
}
