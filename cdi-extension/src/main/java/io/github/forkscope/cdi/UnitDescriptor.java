package io.github.forkscope.cdi;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code <persistence-unit>} as declared in {@code persistence.xml}: its name, whether it
 * uses resource-local transactions, and its properties. Immutable.
 */
record UnitDescriptor(String name, boolean resourceLocal, Map<String, String> properties) {

    UnitDescriptor {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
    }

    boolean markedDefault() {
        return "true".equalsIgnoreCase(properties.getOrDefault(io.github.forkscope.ForkscopeConfig.DEFAULT_UNIT, ""));
    }
}
