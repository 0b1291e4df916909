package io.github.forkscope;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects the contextual {@code EntityManager} of a named persistence unit. The default unit is
 * injected without a qualifier; every further unit of {@code META-INF/persistence.xml} is
 * reached with {@code @Unit("name")} and gets its own fork in each context. A name that no unit
 * carries fails the deployment with {@code FORKSCOPE-003}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Reports {
 *     @Inject @Unit("reporting") EntityManager reporting;
 *     @Inject EntityManager orders; // the default unit
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Unit {

    /**
     * The persistence unit's name, as in {@code <persistence-unit name="...">}.
     *
     * @return the unit name
     */
    String value();

    /**
     * Annotation literal for programmatic lookups.
     *
     * <pre>{@code
     * EntityManager reporting = CDI.current().select(EntityManager.class, Unit.Literal.of("reporting")).get();
     * }</pre>
     */
    final class Literal extends AnnotationLiteral<Unit> implements Unit {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * Returns a literal naming the given unit.
         *
         * @param unitName the persistence unit's name, not null
         * @return the literal
         */
        public static Literal of(String unitName) {
            return new Literal(Objects.requireNonNull(unitName, "unitName"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
