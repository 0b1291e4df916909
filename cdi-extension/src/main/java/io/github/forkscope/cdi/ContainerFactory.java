package io.github.forkscope.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/**
 * Receives the container's EntityManagerFactory of one persistence unit through
 * {@code @PersistenceUnit}. The extension adds one variant of this class per unit, qualified
 * {@code @Unit(name)}, with the annotation's {@code unitName} set. WildFly injects it; where the
 * field stays null, Forkscope looks the factory up in JNDI in a server ({@link JndiFactory}) and
 * starts the unit itself in Java SE. Written once by the container, read once at deployment.
 */
@Dependent
class ContainerFactory {

    EntityManagerFactory factory;

    /** The {@code @PersistenceUnit(unitName = ...)} that the extension puts on {@link #factory}. */
    @SuppressWarnings("all")
    static final class Literal extends jakarta.enterprise.util.AnnotationLiteral<PersistenceUnit>
            implements PersistenceUnit {
        private static final long serialVersionUID = 1L;
        private final String unitName;

        Literal(String unitName) {
            this.unitName = unitName;
        }

        @Override
        public String name() {
            return "";
        }

        @Override
        public String unitName() {
            return unitName;
        }
    }
}
