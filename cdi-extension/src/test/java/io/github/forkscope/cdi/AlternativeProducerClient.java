package io.github.forkscope.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import java.lang.reflect.Proxy;

/**
 * An application that means its own unqualified EntityManager to win over Forkscope's, as a test
 * double might: an alternative producer on a bean enabled with a priority above Forkscope's.
 * Deployed only by the test that checks it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
class AlternativeProducerClient {
    @Inject
    EntityManager em;

    @Produces
    @Alternative
    static EntityManager testDouble() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, args) -> "test double");
    }
}
