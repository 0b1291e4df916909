package io.github.forkscope.it.app.session;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.Serializable;

/** A session-scoped bean with a transaction boundary, as shopping carts are written. */
@SessionScoped
public class Cart implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntityManager em;
    private int items;

    @Transactional
    public int add(long id) {
        em.persist(new Book(id, "in the cart", null));
        return ++items;
    }
}
