package io.github.forkscope.cdi;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.Serializable;

/** A session-scoped bean with a transaction boundary, holding the injected EntityManager as applications do. */
@SessionScoped
public class SessionCart implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntityManager em;
    private int items;

    /** Counts an item, and reads the seeded book through the EntityManager on the way. */
    @Transactional
    public int add() {
        em.find(Book.class, WeldTest.SEEDED_BOOK);
        return ++items;
    }
}
