package io.github.forkscope.cdi;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads Forkscope's configuration keys: MicroProfile Config where it is on the classpath, else a
 * system property, else an environment variable named after the key ({@code forkscope.a-b} is
 * read as {@code FORKSCOPE_A_B}). Immutable and thread-safe.
 */
final class Settings {

    private final UnaryOperator<String> source;

    Settings(UnaryOperator<String> source) {
        this.source = java.util.Objects.requireNonNull(source, "source");
    }

    static Settings fromEnvironment() {
        UnaryOperator<String> microProfile = MicroProfileConfig.lookup();
        return new Settings(key -> {
            String value = microProfile.apply(key);
            if (value == null) {
                value = System.getProperty(key);
            }
            return value != null ? value : System.getenv(environmentName(key));
        });
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(source.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    boolean flag(String key, boolean fallback) {
        String value = get(key).orElse(Boolean.toString(fallback));
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw Messages.badSetting(key, value, "true, 1, false or 0");
        }
    }

    long number(String key, long fallback) {
        String value = get(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Messages.badSetting(key, value, "a whole number of 0 or more");
    }

    /** Keeps the MicroProfile Config API out of the picture when it is not on the classpath. */
    private static final class MicroProfileConfig {

        static UnaryOperator<String> lookup() {
            try {
                Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                        Settings.class.getClassLoader());
                org.eclipse.microprofile.config.Config config =
                        org.eclipse.microprofile.config.ConfigProvider.getConfig();
                return key -> config.getOptionalValue(key, String.class).orElse(null);
            } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
                return key -> null;
            }
        }
    }
}
