package com.example.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The bookstore's catalogue. It injects a plain {@code EntityManager}: each call reaches the fork
 * of the context it runs in (the HTTP request, a timer chunk, a message), and the writes run in
 * JTA transactions that the fork joins by itself.
 */
@ApplicationScoped
// Payara Server only: hands the unit to Forkscope (README, "Supported containers"); WildFly ignores it.
@PersistenceUnit(name = "forkscope/bookstore", unitName = "bookstore")
public class Catalog {

    @Inject
    EntityManager em;

    public List<Book> list(String titleContains) {
        return em.createQuery("select b from Book b where lower(b.title) like :title order by b.id", Book.class)
                .setParameter("title", "%" + (titleContains == null ? "" : titleContains.toLowerCase()) + "%")
                .getResultList();
    }

    public Optional<Book> find(long id) {
        return Optional.ofNullable(em.find(Book.class, id));
    }

    public Optional<Book> findWithAuthor(long id) {
        return em.createQuery("select b from Book b join fetch b.author where b.id = :id", Book.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public long count() {
        return em.createQuery("select count(b) from Book b", Long.class).getSingleResult();
    }

    @Transactional
    public Book add(NewBook book) {
        return create(book);
    }

    /** Adds all books or none: an invalid book rolls back the ones added before it. */
    @Transactional
    public List<Book> addAll(List<NewBook> books) {
        return books.stream().map(this::create).toList();
    }

    /** Renames a book; empty when there is no such book. */
    @Transactional
    public Optional<Book> rename(long id, String title) {
        String newTitle = requireText(title, "title");
        Optional<Book> book = find(id);
        book.ifPresent(b -> b.setTitle(newTitle));
        return book;
    }

    private Book create(NewBook book) {
        String title = requireText(book.title(), "title");
        String authorName = requireText(book.author(), "author");
        if (book.price() == null || book.price().compareTo(BigDecimal.ZERO) <= 0) {
            throw new InvalidBookException("'" + title + "' needs a price above 0, not " + book.price());
        }
        if (book.stock() < 0) {
            throw new InvalidBookException("'" + title + "' cannot have a stock of " + book.stock());
        }
        Author author = em.createQuery("select a from Author a where a.name = :name", Author.class)
                .setParameter("name", authorName)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Author created = new Author(authorName);
                    em.persist(created);
                    return created;
                });
        Book created = new Book(title, author, book.price(), book.stock());
        em.persist(created);
        return created;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidBookException("a book needs a " + field);
        }
        return value.strip();
    }
}
