package com.example.bookstore;

import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceUtil;

import java.math.BigDecimal;

/**
 * What the API returns for a book. Like a serializer that follows loaded relations, it includes
 * the author only when the book's persistence context has loaded it: {@code GET /books/{id}/with-author}
 * fetches it, {@code GET /books/{id}} does not. With a fresh fork per request, what an earlier
 * request loaded never shows up here.
 */
public record BookView(long id, String title, BigDecimal price, int stock, String author) {

    static BookView of(Book book) {
        PersistenceUtil loaded = Persistence.getPersistenceUtil();
        boolean withAuthor = loaded.isLoaded(book, "author") && loaded.isLoaded(book.getAuthor());
        return new BookView(book.getId(), book.getTitle(), book.getPrice(), book.getStock(),
                withAuthor ? book.getAuthor().getName() : null);
    }
}
