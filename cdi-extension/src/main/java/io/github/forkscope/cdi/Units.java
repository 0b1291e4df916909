package io.github.forkscope.cdi;

import java.util.List;
import java.util.Objects;

/**
 * The application's started persistence units and which one is the default. Immutable and
 * thread-safe.
 */
final class Units {

    private final List<ManagedUnit> all;
    private final ManagedUnit defaultUnit;
    private final Jta jta;

    Units(List<ManagedUnit> all, String defaultName) {
        this.all = List.copyOf(all);
        this.defaultUnit = defaultName == null ? null : find(defaultName);
        this.jta = all.stream().map(ManagedUnit::jta).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The JTA services the JTA units share, which tell where transactions begin; null when every unit is resource-local. */
    Jta jta() {
        return jta;
    }

    List<ManagedUnit> all() {
        return all;
    }

    /** The units' names, the default unit's first. */
    List<String> names() {
        return all.stream().sorted((a, b) -> Boolean.compare(b == defaultUnit, a == defaultUnit)).map(ManagedUnit::name).toList();
    }

    /** The named unit, or the default unit for a null name. */
    ManagedUnit get(String name) {
        ManagedUnit unit = name == null ? defaultUnit : find(name);
        if (unit == null) {
            List<String> names = all.stream().map(ManagedUnit::name).toList();
            throw name == null ? Messages.noDefaultUnit(names) : Messages.unknownUnit(name, names);
        }
        return unit;
    }

    private ManagedUnit find(String name) {
        Objects.requireNonNull(name, "name");
        return all.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
    }
}
