package io.github.forkscope.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link TransactionBoundaryInterceptor}. Applications never write it: the extension adds it
 * to every {@code @Transactional} method or class and to every enterprise bean, where the container
 * may begin a transaction around application code.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface TransactionBoundary {

    /** The binding as the extension adds it. */
    @SuppressWarnings("all")
    final class Literal extends AnnotationLiteral<TransactionBoundary> implements TransactionBoundary {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
