package io.github.forkscope.jta;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A seeded row that scenarios change by setters only. */
@Entity
public class Item {

    @Id
    private long id;
    private String label;
    @Version
    private long version;

    protected Item() {
    }

    public Item(long id, String label) {
        this.id = id;
        this.label = label;
    }

    public long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public long getVersion() {
        return version;
    }
}
