package io.github.forkscope.cdi;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import java.sql.SQLException;
import java.util.function.Function;

/**
 * Builds the Agroal pool of a persistence unit in Java SE from its {@code forkscope.datasource.*}
 * settings, with metrics on so that open connections can be counted. Kept apart so that Agroal
 * is needed only by applications that configure a pool. Stateless and thread-safe.
 */
final class AgroalPools {

    private AgroalPools() {
    }

    /**
     * @param setting reads one datasource key ({@code url}, {@code username}, ...) or returns null
     */
    static javax.sql.DataSource create(Function<String, String> setting) throws SQLException {
        int minSize = size(setting, "min-size", 0);
        int maxSize = size(setting, "max-size", 10);
        String username = setting.apply("username");
        String password = setting.apply("password");
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool
                        .minSize(minSize)
                        .maxSize(maxSize)
                        .acquisitionTimeout(java.time.Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(setting.apply("url"));
                            if (username != null) {
                                factory.principal(new NamePrincipal(username));
                            }
                            if (password != null) {
                                factory.credential(new SimplePassword(password));
                            }
                            return factory;
                        })));
    }

    private static int size(Function<String, String> setting, String key, int fallback) {
        String value = setting.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Messages.badSetting("forkscope.datasource." + key, value, "a whole number", e);
        }
    }
}
