package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An application's stereotype for jobs that join the caller's context: the binding comes through it. */
@Stereotype
@ApplicationScoped
@RequestContextual(mode = RequestContextual.Mode.ENSURE)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface EnsureJob {
}
