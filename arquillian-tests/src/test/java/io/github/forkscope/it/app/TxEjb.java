package io.github.forkscope.it.app;

import jakarta.ejb.EJB;
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
    @EJB
    AuditEjb audit;

    public void add(long id, String title, boolean fail) {
        em.persist(new Book(id, title, null));
        em.flush();
        if (fail) {
            throw new IllegalStateException("rolled back on purpose");
        }
    }

    /** Only a setter: no EntityManager call inside the transaction. */
    public void rename(Book book, String title) {
        book.setTitle(title);
    }

    public void renameWithAudit(long id, String title, long auditId, boolean innerFails, boolean outerFails) {
        em.find(Book.class, id).setTitle(title);
        em.flush();
        try {
            audit.record(auditId, innerFails);
        } catch (RuntimeException expected) {
            // the audit's own transaction rolled back; this one goes on
        }
        if (outerFails) {
            throw new IllegalStateException("outer transaction rolled back on purpose");
        }
    }
}
