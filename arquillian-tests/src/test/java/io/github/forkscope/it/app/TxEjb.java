package io.github.forkscope.it.app;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnit;

/**
 * A container-managed transaction (REQUIRED); a runtime exception rolls it back. It also carries
 * the one line Payara Server needs to hand Forkscope the unit's factory (WildFly needs none).
 */
@Stateless
@PersistenceUnit(name = "forkscope/bookstore", unitName = "bookstore")
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
