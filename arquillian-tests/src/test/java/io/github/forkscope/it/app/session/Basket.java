package io.github.forkscope.it.app.session;

import io.github.forkscope.it.app.Book;
import jakarta.ejb.Stateful;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.Serializable;

/** A stateful session bean in the session scope, with a container-managed transaction. */
@Stateful
@SessionScoped
public class Basket implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntityManager em;
    private int items;

    public int add(long id) {
        em.persist(new Book(id, "in the basket", null));
        return ++items;
    }
}
