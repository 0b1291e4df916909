package io.github.forkscope.cdi;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

/**
 * An application that kept its hand-written EntityManager producer after adding Forkscope;
 * deployed only by the tests of deployment errors.
 */
class LegacyProducerClient {
    @Inject
    EntityManager em;

    // @RequestScoped in the application; left out here, where it would make the test classpath's
    // annotated discovery pick this class up for every other test
    @Produces
    EntityManager create() {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("main");
        return factory.createEntityManager();
    }

    void close(@Disposes EntityManager em) {
        em.close();
    }
}
