package com.example.bookstore;

import java.math.BigDecimal;

/**
 * What the API returns for a book. The author is included only when it was loaded: a plain
 * {@code GET /books/{id}} does not load it, {@code GET /books/{id}/with-author} fetches it.
 */
public record BookView(long id, String title, BigDecimal price, int stock, String author) {

    static BookView of(Book book, boolean withAuthor) {
        return new BookView(book.getId(), book.getTitle(), book.getPrice(), book.getStock(),
                withAuthor ? book.getAuthor().getName() : null);
    }
}
