package io.github.forkscope.jta;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A note a scenario writes, named by the step that wrote it. */
@Entity
public class Note {

    @Id
    private long id;
    private String tag;

    protected Note() {
    }

    public Note(long id, String tag) {
        this.id = id;
        this.tag = tag;
    }

    public long getId() {
        return id;
    }

    public String getTag() {
        return tag;
    }
}
