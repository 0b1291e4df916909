package io.github.forkscope.benchmarks.http.forkscope;

import io.github.forkscope.benchmarks.Book;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** P4 write, Forkscope build: a transaction that changes a book the request loaded before it began. */
@ApplicationScoped
public class Reprice {

    @Transactional
    public void raise(Book book) {
        book.setPrice(book.getPrice() + 1);
    }
}
