package io.github.forkscope.cdi;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.util.HashSet;
import java.util.Set;

/** An entity with a collection, whose changes a provider tracks apart from the entity's own state. */
@Entity
public class Shelf {
    @Id
    private Long id;
    @ElementCollection
    private Set<String> labels = new HashSet<>();

    protected Shelf() {
    }

    public Shelf(long id) {
        this.id = id;
    }

    public Set<String> getLabels() {
        return labels;
    }
}
