package io.github.forkscope.cdi;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A bean that injects the default unit; deployed only by the tests of deployment errors. */
public class DefaultUnitClient {
    @Inject
    EntityManager em;
}
