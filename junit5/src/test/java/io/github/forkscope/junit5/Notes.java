package io.github.forkscope.junit5;

import io.github.forkscope.Forkscope;
import io.github.forkscope.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Code under test, written as an application writes it: the injected EntityManager of each unit. */
@ApplicationScoped
public class Notes {

    @Inject
    @Unit("main")
    EntityManager main;
    @Inject
    @Unit("eclipselink")
    EntityManager eclipselink;

    EntityManager em(String unit) {
        return unit.equals("main") ? main : eclipselink;
    }

    /** Saves a note in a transaction of the current context's fork. */
    void add(String unit, long id, String text) {
        Forkscope.transactional(unit, () -> em(unit).persist(new Note(id, text)));
    }

    Note find(String unit, long id) {
        return em(unit).find(Note.class, id);
    }
}
