package io.github.forkscope.reliability.app;

import java.util.Collection;

/**
 * What a request wrote and read, as the load client's checker reads it: one fact a line,
 * {@code wrote ID}, {@code read ID NOTE MARK} (the mark another request left on the instance, or
 * {@code -}), {@code tag TAG}. Not thread-safe: a request builds its own, on one thread at a time.
 */
public final class Report {

    private final StringBuilder text = new StringBuilder();
    private final String tag;

    public Report(String tag) {
        this.tag = tag;
        line("tag " + tag);
    }

    public Report wrote(long id) {
        return line("wrote " + id);
    }

    /** Records the item as read by this request, and marks it so. */
    public Report read(Item item) {
        return line("read " + item.getId() + " " + item.getNote() + " " + item.markSeenBy(tag));
    }

    public Report readAll(Collection<Item> items) {
        items.forEach(this::read);
        return this;
    }

    public Report line(String fact) {
        text.append(fact).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
