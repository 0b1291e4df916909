package io.github.forkscope.cdi;

import jakarta.persistence.EntityManagerFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The container's EntityManagerFactory of one unit, found in the component environment at
 * {@code java:comp/env/forkscope/<unit>}: the fallback for servers that do not inject
 * {@code @PersistenceUnit} into types added by a portable extension (Payara Server), where the
 * application declares that reference with one line. Looked up at deployment, where the
 * component's namespace is there, else on first use, and kept; thread-safe, as a racing second
 * lookup finds the same factory.
 */
final class JndiFactory implements Supplier<EntityManagerFactory> {

    static final String PREFIX = "java:comp/env/forkscope/";

    private final String unit;
    private volatile EntityManagerFactory factory;

    JndiFactory(String unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    @Override
    public EntityManagerFactory get() {
        EntityManagerFactory found = factory;
        if (found == null) {
            try {
                found = (EntityManagerFactory) new InitialContext().lookup(PREFIX + unit);
            } catch (NamingException | ClassCastException e) {
                throw Messages.noContainerFactory(unit, e);
            }
            factory = found;
        }
        return found;
    }

    /** Looks the factory up now, at deployment; a failure is left for the first use to report. */
    JndiFactory resolve() {
        try {
            get();
        } catch (IllegalStateException notHereYet) {
            // reported with FORKSCOPE-015 when the unit is first used
        }
        return this;
    }

    /** Whether a naming service answers, which tells a Jakarta EE server from plain Java SE. */
    static boolean namingAvailable() {
        try {
            new InitialContext().lookup("java:comp/env");
            return true;
        } catch (javax.naming.NoInitialContextException e) {
            return false;
        } catch (NamingException | RuntimeException e) {
            return true;
        }
    }
}
