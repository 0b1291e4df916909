package io.github.forkscope.reliability.app;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forks the application's entry points used that the provider has not closed yet: the check
 * "no open fork" counts them. Each watched fork tells its provider's own close event to remove its
 * watch ({@link HibernateWatch}, {@link EclipseLinkWatch}), registered by the thread that watches
 * it, so no other thread ever calls the fork: it is not thread-safe, and even Hibernate's
 * {@code isOpen()} joins the calling thread's JTA transaction. Thread-safe.
 */
@ApplicationScoped
public class OpenForks {

    // the server's provider, the one whose classes the application sees: Hibernate on WildFly, EclipseLink elsewhere
    private static final boolean HIBERNATE = visible("org.hibernate.Session");

    private final Set<Object> open = ConcurrentHashMap.newKeySet();

    /** Watches the current context's fork of the default unit; a fork watched twice counts until it closes, as once. */
    public void watchCurrent() {
        EntityManager fork = Forkscope.currentEntityManager().orElseThrow();
        Object watch = new Object();
        open.add(watch);
        Runnable closed = () -> open.remove(watch);
        if (HIBERNATE) {
            HibernateWatch.onClose(fork, closed);
        } else {
            EclipseLinkWatch.onClose(fork, closed);
        }
    }

    /** The watches of forks that are still open. */
    public long open() {
        return open.size();
    }

    private static boolean visible(String type) {
        try {
            Class.forName(type, false, OpenForks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
