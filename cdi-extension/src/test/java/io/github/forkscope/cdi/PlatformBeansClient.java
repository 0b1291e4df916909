package io.github.forkscope.cdi;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** An application bean unchanged from Jakarta EE 10, deployed beside {@link PlatformBeans}. */
class PlatformBeansClient {
    @Inject
    EntityManager em;
    @Inject
    @PlatformBeans.Legacy
    EntityManager platformEm;
    @Inject
    EntityManagerFactory factory;
}
