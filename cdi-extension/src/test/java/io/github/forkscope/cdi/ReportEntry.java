package io.github.forkscope.cdi;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class ReportEntry {
    @Id
    private Long id;
    private String line;

    protected ReportEntry() {
    }

    public ReportEntry(long id, String line) {
        this.id = id;
        this.line = line;
    }

    public String getLine() {
        return line;
    }
}
