package io.github.forkscope.cdi;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code <persistence-unit>} as declared in {@code persistence.xml}: its name, its declared
 * transaction type (empty when not declared), and its properties. Immutable.
 */
record UnitDescriptor(String name, String transactionType, Map<String, String> properties) {

    UnitDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transactionType, "transactionType");
        properties = Map.copyOf(properties);
    }

    /**
     * Whether the unit uses resource-local transactions; an undeclared type means JTA in a
     * container and resource-local in Java SE, as the Jakarta Persistence specification says.
     */
    boolean resourceLocal(boolean inContainer) {
        return transactionType.isEmpty() ? !inContainer : transactionType.equals("RESOURCE_LOCAL");
    }

    boolean markedDefault() {
        return "true".equalsIgnoreCase(properties.getOrDefault(io.github.forkscope.ForkscopeConfig.DEFAULT_UNIT, ""));
    }
}
