package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Entry points annotated the way a timer or message consumer would be. */
@ApplicationScoped
public class Jobs {
    @Inject
    EntityManager em;

    @Inject
    RequestCounter counter;

    /** What a job saw: the fork it ran on and the book it loaded. */
    public record Seen(EntityManager fork, Book book, String title) {
    }

    @RequestContextual
    public Seen create(long bookId) {
        Book book = em.find(Book.class, bookId);
        return new Seen(Forkscope.currentEntityManager().orElseThrow(), book, book.getTitle());
    }

    @RequestContextual
    public void createAndFail(long bookId, EntityManager[] forkOut) {
        em.find(Book.class, bookId).setTitle("changed by a failing job");
        forkOut[0] = Forkscope.currentEntityManager().orElseThrow();
        throw new IllegalStateException("job failed");
    }

    @RequestContextual(mode = RequestContextual.Mode.ENSURE)
    public Seen ensure(long bookId) {
        Book book = em.find(Book.class, bookId);
        return new Seen(Forkscope.currentEntityManager().orElseThrow(), book, book.getTitle());
    }

    @RequestContextual
    public int countRequestScopedCalls() {
        counter.increment();
        counter.increment();
        return counter.value();
    }

    /** A mistake: keeps the job's fork beyond the job, as a field or a lambda would. */
    @RequestContextual
    public EntityManager keepFork(String unit) {
        return Forkscope.currentEntityManager(unit).orElseThrow();
    }

    public EntityManager em() {
        return em;
    }

    public void touchNothing() {
        // a unit of work that never needs the database
    }
}
