package io.github.forkscope.reliability.app;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Turns off EclipseLink's retry of reads that fail on their connection. By default EclipseLink
 * retries a read outside a transaction three times, five seconds apart ({@code DatabaseLogin}'s
 * {@code queryRetryAttemptCount} and {@code delayBetweenConnectionAttempts}; no persistence-unit
 * property sets them), so during an outage a read answered after ten seconds and more instead of
 * failing fast, and the server's pool, validated on every take, recovers by itself anyway. Named in
 * {@code persistence.xml} as {@code eclipselink.session.customizer}; Hibernate ignores the property.
 * Stateless, thread-safe.
 */
public class EclipseLinkFailFast implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
        }
    }
}
