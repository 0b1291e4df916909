package io.github.forkscope.reliability.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The transactional writes of HTTP requests and tasks, on the current context's fork. Stateless
 * apart from the injected {@code EntityManager}, which reaches the caller's own fork: thread-safe.
 */
@ApplicationScoped
public class Writes {

    @Inject
    EntityManager em;
    @Inject
    OpenForks openForks;

    /** Commits a new item. */
    @Transactional
    public Item create(long id, String kind, String tag) {
        Item item = new Item(id, kind, tag, "committed:" + tag);
        em.persist(item);
        openForks.watchCurrent();
        return item;
    }

    /**
     * Writes a new item and a pending change to a shared row, flushes both into the transaction, then
     * refuses: both roll back. No other request may ever read the pending note.
     */
    @Transactional
    public void createThenRefuse(long id, String tag, long sharedId) {
        writePending(id, tag, sharedId);
        throw new Refused(id);
    }

    /** As {@link #createThenRefuse}, with an unexpected exception instead of a refusal. */
    @Transactional
    public void createThenFail(long id, String tag, long sharedId) {
        writePending(id, tag, sharedId);
        throw new InjectedFault("handler threw after writing " + id);
    }

    /** Holds a connection and the new row's lock for {@code millis}, as a slow request does. */
    @Transactional
    public Item createSlowly(long id, String tag, long millis) throws InterruptedException {
        Item item = create(id, "http", tag);
        em.flush();
        Thread.sleep(millis);
        return item;
    }

    /** Renames a row: the write of the two-instance scenario. */
    @Transactional
    public void rename(long id, String note) {
        em.find(Item.class, id).setNote(note);
        openForks.watchCurrent();
    }

    private void writePending(long id, String tag, long sharedId) {
        em.find(Item.class, sharedId).setNote("pending:" + tag);
        em.persist(new Item(id, "http", tag, "pending:" + tag));
        em.flush();
        openForks.watchCurrent();
    }
}
