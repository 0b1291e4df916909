package io.github.forkscope.cdi;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;

@Entity
@NamedQuery(name = "Book.all", query = "select b from Book b")
public class Book {
    @Id
    private Long id;
    private String title;

    protected Book() {
    }

    public Book(long id, String title) {
        this.id = id;
        this.title = title;
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
}
