package io.github.forkscope.benchmarks.http;

import io.github.forkscope.benchmarks.Book;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Fills the table when either P4 application is deployed; not part of what is measured. */
@Startup
@Singleton
public class Seed {
    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void seed() {
        for (long id = 1; id <= 10; id++) {
            em.persist(new Book(id, "Book " + id, 100));
        }
    }
}
