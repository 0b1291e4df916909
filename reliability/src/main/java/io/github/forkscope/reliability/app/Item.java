package io.github.forkscope.reliability.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * A row the harness writes and reads: its id is chosen by whoever writes it (the load client, a
 * timer tick, a message), so that the checks can count exactly which writes reached the database.
 * {@code note} is what readers report; {@code seenBy} is not stored: each request that gets an
 * instance marks it, so an instance handed to two requests shows the first one's mark to the second.
 * Not thread-safe, as entities are not; each instance belongs to one fork.
 */
@Entity
@Table(name = "item")
public class Item {

    @Id
    private long id;
    private String kind;
    private String tag;
    private String note;
    @Transient
    private String seenBy;

    protected Item() {
    }

    public Item(long id, String kind, String tag, String note) {
        this.id = id;
        this.kind = kind;
        this.tag = tag;
        this.note = note;
    }

    public long getId() {
        return id;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** Marks the instance as seen by a request and returns the mark it had before, or {@code "-"}. */
    public String markSeenBy(String tag) {
        String before = seenBy == null ? "-" : seenBy;
        seenBy = tag;
        return before;
    }
}
