package io.github.forkscope.reliability.app;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.UnitOfWork;

/**
 * EclipseLink's side of {@link OpenForks}: a listener on the event manager of the fork's own unit of
 * work, which fires when the unit of work is released: at {@code close()} outside a transaction,
 * or when the JTA transaction of a fork closed inside it completes. The fork's unit of work is its
 * persistence context; the listener sees no other. Loaded only where EclipseLink is the provider.
 * Stateless, thread-safe.
 */
final class EclipseLinkWatch {

    private EclipseLinkWatch() {
    }

    static void onClose(EntityManager fork, Runnable closed) {
        fork.unwrap(UnitOfWork.class).getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void preReleaseUnitOfWork(SessionEvent event) {
                closed.run();
            }
        });
    }
}
