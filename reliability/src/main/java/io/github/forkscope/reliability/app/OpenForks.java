package io.github.forkscope.reliability.app;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forks the application's entry points used that the provider has not closed yet: the check
 * "no open fork" counts them. Each watched fork's Hibernate session reports its own close through
 * a {@link SessionEventListener}, registered by the thread that watches it, so no other thread ever
 * calls the session: a session is not thread-safe, and even its {@code isOpen()} joins the calling
 * thread's JTA transaction. Thread-safe.
 */
@ApplicationScoped
public class OpenForks {

    private final Set<SessionEventListener> open = ConcurrentHashMap.newKeySet();

    /** Watches the current context's fork of the default unit; a fork watched twice counts until it closes, as once. */
    public void watchCurrent() {
        Watch watch = new Watch();
        open.add(watch);
        Forkscope.currentEntityManager().orElseThrow().unwrap(Session.class).addEventListeners(watch);
    }

    /** The watches of forks that are still open. */
    public long open() {
        return open.size();
    }

    private final class Watch implements SessionEventListener {

        @Override
        public void end() {
            open.remove(this);
        }
    }
}
