package io.github.forkscope.cdi;

import io.github.forkscope.Unit;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A bean with a typo in its unit name; deployed only by the test that expects the deployment to fail. */
public class UnknownUnitClient {
    @Inject
    @Unit("reportng")
    EntityManager reporting;
}
