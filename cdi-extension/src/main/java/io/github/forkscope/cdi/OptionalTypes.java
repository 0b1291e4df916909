package io.github.forkscope.cdi;

/**
 * Looks up a type of a library that the application may or may not have (Micrometer, Jakarta
 * Concurrency in Java SE) without loading or initializing anything when it is absent, so that the
 * code using it can be skipped. Stateless and thread-safe.
 */
final class OptionalTypes {

    private OptionalTypes() {
    }

    /** The type, or null when Forkscope's class loader cannot see it. */
    static Class<?> find(String name) {
        try {
            return Class.forName(name, false, OptionalTypes.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
