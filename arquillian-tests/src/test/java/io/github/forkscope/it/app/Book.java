package io.github.forkscope.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;

@Entity
public class Book {
    @Id
    private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY)
    private Author author;

    protected Book() {
    }

    public Book(long id, String title, Author author) {
        this.id = id;
        this.title = title;
        this.author = author;
    }

    /** Runs while the provider loads a book, inside the fork's call: lets a test act in the middle of a call. */
    static volatile Runnable onLoad = () -> { };

    @PostLoad
    void loaded() {
        onLoad.run();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Author getAuthor() {
        return author;
    }
}
