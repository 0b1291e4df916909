package io.github.forkscope.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class TxService {
    @Inject
    EntityManager em;

    @Transactional
    public void add(long id, String title, boolean fail) {
        em.persist(new Book(id, title, null));
        em.flush();
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }
}
