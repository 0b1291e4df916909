package io.github.forkscope.benchmarks;

import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The EntityManager of the hand-written {@code @RequestScoped} producer that applications write without Forkscope. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Handwritten {

    /** The qualifier as a value, for lookups. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Handwritten> implements Handwritten {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
