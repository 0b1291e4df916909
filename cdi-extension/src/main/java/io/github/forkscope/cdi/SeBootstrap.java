package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeConfig;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Starts the persistence units of {@code persistence.xml} in Java SE through
 * {@link Persistence#createEntityManagerFactory(String, Map)}. A unit whose datasource URL is set
 * (persistence-unit property {@code forkscope.datasource.url}, overridden by the configuration key
 * {@code forkscope.datasource.<unit>.url}) gets an Agroal pool handed to the provider as its
 * non-JTA datasource, which Hibernate and EclipseLink both accept. Used once, at deployment.
 */
final class SeBootstrap {

    private final Settings settings;

    SeBootstrap(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts every unit; on failure, closes the units already started and throws. */
    List<ManagedUnit> start(List<UnitDescriptor> descriptors) {
        List<ManagedUnit> started = new ArrayList<>();
        for (UnitDescriptor descriptor : descriptors) {
            try {
                started.add(start(descriptor, started.size()));
            } catch (RuntimeException | Error | java.sql.SQLException e) {
                started.forEach(SeBootstrap::closeQuietly);
                throw Messages.bootstrapFailed(descriptor.name(), e);
            }
        }
        return started;
    }

    private ManagedUnit start(UnitDescriptor descriptor, int index) throws java.sql.SQLException {
        Function<String, String> datasource = key -> settings
                .get(ForkscopeConfig.DATASOURCE_PREFIX + descriptor.name() + "." + key)
                .orElse(descriptor.properties().get(ForkscopeConfig.DATASOURCE_PREFIX + key));
        AutoCloseable pool = null;
        Map<String, Object> overrides = new HashMap<>();
        if (datasource.apply("url") != null) {
            javax.sql.DataSource agroal = AgroalPools.create(datasource);
            overrides.put("jakarta.persistence.nonJtaDataSource", agroal);
            pool = (AutoCloseable) agroal;
        }
        try {
            EntityManagerFactory factory = Persistence.createEntityManagerFactory(descriptor.name(), overrides);
            Jta jta = descriptor.resourceLocal(false) ? null : new Jta(descriptor.name());
            return new ManagedUnit(descriptor.name(), index, () -> factory, jta, pool, true);
        } catch (RuntimeException | Error e) {
            if (pool != null) {
                closeQuietly(pool);
            }
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the deployment is failing already; its own error is the one to report
        }
    }
}
