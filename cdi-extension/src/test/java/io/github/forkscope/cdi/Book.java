package io.github.forkscope.cdi;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

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
