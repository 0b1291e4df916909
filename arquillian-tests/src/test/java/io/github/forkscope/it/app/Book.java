package io.github.forkscope.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostUpdate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private static final List<String> WRITTEN_TITLES = new CopyOnWriteArrayList<>();

    @PostUpdate
    void updated() {
        WRITTEN_TITLES.add(title);
    }

    /** The titles the provider has written by an update so far, whether their transactions committed or not. */
    public static List<String> writtenTitles() {
        return List.copyOf(WRITTEN_TITLES);
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
