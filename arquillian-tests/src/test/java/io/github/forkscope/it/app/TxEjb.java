package io.github.forkscope.it.app;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A container-managed transaction (REQUIRED); a runtime exception rolls it back. */
@Stateless
public class TxEjb {
    @Inject
    EntityManager em;

    public void add(long id, String title, boolean fail) {
        em.persist(new Book(id, title, null));
        em.flush();
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }
}
