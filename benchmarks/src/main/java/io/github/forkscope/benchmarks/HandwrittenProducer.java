package io.github.forkscope.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The peer: a request-scoped EntityManager producer, reached through Weld's client proxy. */
@ApplicationScoped
public class HandwrittenProducer {

    @Inject
    EntityManager forkscope;

    @Produces
    @RequestScoped
    @Handwritten
    EntityManager create() {
        return forkscope.getEntityManagerFactory().createEntityManager();
    }

    void close(@Disposes @Handwritten EntityManager em) {
        em.close();
    }
}
