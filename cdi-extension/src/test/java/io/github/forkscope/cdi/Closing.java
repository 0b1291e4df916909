package io.github.forkscope.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A request-scoped bean whose {@code @PreDestroy} uses the injected EntityManager, as audit or cleanup code does. */
@RequestScoped
public class Closing {

    /** What each {@code @PreDestroy} found: the book instance, or the exception it got. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @Inject
    EntityManager em;

    private Book loaded;

    public Book load(long id) {
        loaded = em.find(Book.class, id);
        return loaded;
    }

    @PreDestroy
    void end() {
        try {
            SEEN.add(em.find(Book.class, WeldTest.SEEDED_BOOK) == loaded ? "the unit's own instance" : "another instance");
        } catch (RuntimeException e) {
            SEEN.add(e);
        }
    }

    /** A second bean of the same kind, as applications have several. */
    @RequestScoped
    @Typed(Another.class)
    public static class Another extends Closing {
    }
}
