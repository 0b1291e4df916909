package io.github.forkscope.reliability.app;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;

/**
 * Hibernate's side of {@link OpenForks}: a {@link SessionEventListener} that a session calls when it
 * really closes, which in a JTA transaction is when the transaction completes, not at
 * {@code close()}. Loaded only where Hibernate is the provider. Stateless, thread-safe.
 */
final class HibernateWatch {

    private HibernateWatch() {
    }

    static void onClose(EntityManager fork, Runnable closed) {
        fork.unwrap(Session.class).addEventListeners(new SessionEventListener() {
            @Override
            public void end() {
                closed.run();
            }
        });
    }
}
