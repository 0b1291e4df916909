package io.github.forkscope.it.app;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Work that a ManagedExecutorService runs, written once without and once with @RequestContextual. */
@ApplicationScoped
public class BackgroundTasks {
    @Inject
    EntityManager em;

    public String titleWithoutContext(long id) {
        return em.find(Book.class, id).getTitle();
    }

    @RequestContextual
    public String titleInOwnContext(long id) {
        return em.find(Book.class, id).getTitle();
    }

    /** Seed 000: create, persist and flush on the global EntityManager, outside any request. */
    public void persistAndFlush(long id) {
        em.persist(new Book(id, "my first post", null));
        em.flush();
    }

    /** Seed 000: a native insert does not touch a persistence context and is allowed outside one. */
    public int nativeInsert(long id) {
        return em.createNativeQuery("insert into Book (id, title) values (?1, ?2)")
                .setParameter(1, id)
                .setParameter(2, "my first post 2")
                .executeUpdate();
    }
}
