package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/** HTTP endpoints, as an application writes them: a plain injected EntityManager, no producer. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BookResource {

    @Inject
    EntityManager em;

    @POST
    @Path("seed")
    public String seed(@QueryParam("books") int books) {
        Forkscope.transactional(() -> {
            em.createQuery("delete from Book").executeUpdate();
            em.createQuery("delete from Author").executeUpdate();
            Author author = new Author(1, "Frank Herbert");
            em.persist(author);
            for (long id = 1; id <= books; id++) {
                em.persist(new Book(id, "Book " + id, author));
            }
        });
        return "{\"books\":" + books + "}";
    }

    @GET
    @Path("book/{id}")
    public String book(@PathParam("id") long id) {
        Book book = em.find(Book.class, id);
        if (book == null) {
            throw new WebApplicationException(404);
        }
        return Json.book(em, book);
    }

    @GET
    @Path("book-with-author/{id}")
    public String bookWithAuthor(@PathParam("id") long id) {
        Book book = em.find(Book.class, id);
        book.getAuthor().getName();
        return Json.book(em, book);
    }

    @POST
    @Path("rename/{id}")
    public String rename(@PathParam("id") long id, @QueryParam("title") String title) {
        Forkscope.transactional(() -> em.find(Book.class, id).setTitle(title));
        return "renamed";
    }

    @GET
    @Path("identity/{id}")
    public String identity(@PathParam("id") long id) {
        boolean same = em.find(Book.class, id) == em.find(Book.class, id);
        return "{\"same\":" + same + ",\"fork\":" + System.identityHashCode(Forkscope.currentEntityManager().orElseThrow()) + "}";
    }

    private static final Object OVERLAP = new Object();
    private static int inside;
    private static int peak;

    /**
     * Renames a book without flushing and reads it again. In between it waits, up to 10 s, until
     * at least two requests have held a pending rename at the same moment, and it records the
     * most that ever did: the proof that the requests overlapped.
     */
    @GET
    @Path("isolation/{id}")
    public String isolation(@PathParam("id") long id, @QueryParam("title") String title) throws InterruptedException {
        em.find(Book.class, id).setTitle(title);
        synchronized (OVERLAP) {
            peak = Math.max(peak, ++inside);
            OVERLAP.notifyAll();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (peak < 2 && System.nanoTime() < deadline) {
                OVERLAP.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        String seen = em.find(Book.class, id).getTitle();
        synchronized (OVERLAP) {
            inside--;
        }
        return "{\"title\":\"" + seen + "\"}";
    }

    /** The most requests that held a pending rename at once since the last reset; the reset starts a new count. */
    @POST
    @Path("isolation/peak")
    public String isolationPeak(@QueryParam("reset") boolean reset) {
        synchronized (OVERLAP) {
            int seen = peak;
            if (reset) {
                peak = 0;
            }
            return Integer.toString(seen);
        }
    }

    /** Loads n books; keeps a weak reference to one of them to check later that nothing retains it. */
    @GET
    @Path("load/{n}")
    public String load(@PathParam("n") int n) {
        var books = em.createQuery("select b from Book b where b.id <= :n", Book.class).setParameter("n", (long) n)
                .getResultList();
        Retention.watch(books.get(0));
        return "{\"loaded\":" + books.size() + "}";
    }
}
