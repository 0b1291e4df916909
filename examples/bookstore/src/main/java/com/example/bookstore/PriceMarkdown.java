package com.example.bookstore;

import io.github.forkscope.RequestContextual;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * One chunk of the nightly repricing. {@code @RequestContextual} (mode CREATE) opens a fresh
 * context for each call, even inside the tick's context, and {@code @Transactional} commits the
 * chunk: when the call returns, the chunk's books are saved and its fork is closed.
 */
@ApplicationScoped
public class PriceMarkdown {

    static final int PERCENT = 5;

    @Inject
    EntityManager em;
    @Inject
    Activity activity;

    @RequestContextual
    @Transactional
    public void apply(List<Long> ids) {
        List<Book> books = em.createQuery("select b from Book b where b.id in :ids", Book.class)
                .setParameter("ids", ids)
                .getResultList();
        books.forEach(book -> book.markDown(PERCENT));
        activity.record("timer", "marked down a chunk of " + books.size() + " by " + PERCENT + "% (ids " + ids.get(0) + ".."
                + ids.get(ids.size() - 1) + ")");
    }
}
