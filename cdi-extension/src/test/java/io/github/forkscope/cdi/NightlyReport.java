package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Annotated on the class: every business method runs in a fresh context. */
@ApplicationScoped
@RequestContextual
public class NightlyReport {
    @Inject
    EntityManager em;

    public String titleOf(long bookId) {
        return em.find(Book.class, bookId).getTitle();
    }
}
