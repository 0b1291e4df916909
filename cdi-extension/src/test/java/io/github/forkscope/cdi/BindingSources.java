package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InterceptionFactory;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

/**
 * {@code @RequestContextual(ENSURE)} bound without the annotation on the method or its class:
 * through a stereotype, and through {@code InterceptionFactory} on an object the application made.
 */
@ApplicationScoped
public class BindingSources {

    /** A plain class that an application instantiates itself. */
    public static class PlainJob {
        public EntityManager fork() {
            return Forkscope.currentEntityManager().orElseThrow();
        }
    }

    @EnsureJob
    public static class StereotypedJob {
        public EntityManager fork() {
            return Forkscope.currentEntityManager().orElseThrow();
        }
    }

    @Produces
    @Named("ensureThroughInterceptionFactory")
    PlainJob ensureJob(InterceptionFactory<PlainJob> factory) {
        factory.configure().add(RequestContextual.Literal.of(RequestContextual.Mode.ENSURE));
        return factory.createInterceptedInstance(new PlainJob());
    }
}
