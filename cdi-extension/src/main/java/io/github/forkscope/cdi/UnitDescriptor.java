package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeConfig;

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

    /** @throws IllegalArgumentException {@code FORKSCOPE-009} when the property is there but not a boolean */
    boolean markedDefault() {
        // the key in the message names the unit, since every unit may carry the property
        String where = ForkscopeConfig.DEFAULT_UNIT + " of persistence unit '" + name + "'";
        return new Settings(key -> properties.get(ForkscopeConfig.DEFAULT_UNIT)).flag(where, false);
    }
}
