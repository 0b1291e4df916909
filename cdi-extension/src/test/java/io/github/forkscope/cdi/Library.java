package io.github.forkscope.cdi;

import io.github.forkscope.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** An application-scoped bean, as users write them: it injects the contextual EntityManagers. */
@ApplicationScoped
public class Library {
    @Inject
    EntityManager em;

    @Inject
    @Unit("reporting")
    EntityManager reporting;

    @Inject
    @Unit("main")
    EntityManager mainByName;

    public EntityManager em() {
        return em;
    }

    public EntityManager reporting() {
        return reporting;
    }

    public EntityManager mainByName() {
        return mainByName;
    }
}
