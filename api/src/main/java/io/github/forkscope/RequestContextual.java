package io.github.forkscope;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method (or every business method of the annotated class) in a Forkscope
 * context, so that the contextual {@code EntityManager} reaches a fork of its own instead of
 * failing with {@link GlobalContextException}. Put it on entry points that no HTTP request
 * covers: EJB timers, MDB {@code onMessage}, JMS listeners, {@code ManagedExecutorService} tasks,
 * startup observers and batch steps.
 *
 * <p>When no CDI request context is active on the thread, the interceptor activates one for the
 * call, so {@code @RequestScoped} beans work there too. The interceptor runs outside
 * {@code @jakarta.transaction.Transactional}: the context opens before that transaction begins
 * and ends after it completes. A container-managed transaction of an enterprise bean begins
 * before any interceptor, so there the context opens inside the transaction.
 *
 * <pre>{@code
 * @Singleton
 * public class NightlyRepricing {
 *     @Inject EntityManager em;
 *
 *     @Schedule(hour = "2")
 *     @RequestContextual
 *     void reprice() {
 *         em.createQuery("select b from Book b", Book.class)
 *           .getResultList()
 *           .forEach(Book::reprice);
 *     }
 * }
 * }</pre>
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequestContextual {

    /**
     * How the call relates to a context that is already active.
     *
     * @return {@link Mode#CREATE} unless stated otherwise
     */
    @Nonbinding
    Mode mode() default Mode.CREATE;

    /** How a {@link RequestContextual} call relates to the context that is already active. */
    enum Mode {
        /**
         * Always open a fresh context with fresh forks for the call; an outer context is
         * suspended for the duration of the call and restored untouched afterwards.
         */
        CREATE,
        /** Join the active context, or open one when none is active. */
        ENSURE
    }

    /**
     * Annotation literal for programmatic use, for example with
     * {@code BeanManager.createInterceptionFactory}.
     *
     * <pre>{@code
     * RequestContextual ensure = RequestContextual.Literal.of(RequestContextual.Mode.ENSURE);
     * }</pre>
     */
    final class Literal extends AnnotationLiteral<RequestContextual> implements RequestContextual {
        private static final long serialVersionUID = 1L;

        /** The literal with the default mode, {@link Mode#CREATE}. */
        public static final Literal INSTANCE = new Literal(Mode.CREATE);

        private final Mode mode;

        private Literal(Mode mode) {
            this.mode = mode;
        }

        /**
         * Returns a literal with the given mode.
         *
         * @param mode the mode, not null
         * @return the literal
         */
        public static Literal of(Mode mode) {
            return new Literal(java.util.Objects.requireNonNull(mode, "mode"));
        }

        @Override
        public Mode mode() {
            return mode;
        }
    }
}
