package io.github.forkscope.it.app.session;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.Serializable;

/** A conversation-scoped bean with a transaction boundary. */
@ConversationScoped
public class Wizard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EntityManager em;

    @Transactional
    public void finish(long id) {
        em.persist(new Book(id, "from the wizard", null));
    }
}
