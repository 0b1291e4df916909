package io.github.forkscope.it.app;

import io.github.forkscope.Forkscope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Makes, inside the server, the mistakes the guard rails are for, and reports what they said. */
@Path("/guards")
@Produces(MediaType.TEXT_PLAIN)
public class GuardResource {

    private static volatile EntityManager kept;
    private static volatile jakarta.persistence.TypedQuery<Book> keptQuery;

    @Inject
    EntityManager em;
    @Resource
    ManagedExecutorService executor;
    @Inject
    TxService transactions;

    /** An executor task uses the request's fork while the request is inside a call on it. */
    @GET
    @Path("threads")
    public String threads() {
        EntityManager requestFork = Forkscope.currentEntityManager().orElseThrow();
        return whileInsideACall(() -> requestFork.find(Book.class, 2L));
    }

    /** An executor task runs a query of the request while the request is inside a call on the same fork. */
    @GET
    @Path("query-threads")
    public String queryThreads() {
        var query = em.createQuery("select b from Book b where b.id = 2", Book.class);
        return whileInsideACall(query::getResultList);
    }

    /**
     * Runs the task on the executor while the request's thread is inside a find on its fork; answers
     * what it threw, and whether the request's fork still manages what that find loaded.
     */
    private String whileInsideACall(java.util.concurrent.Callable<?> task) {
        String[] outcome = {"no error"};
        Book.onLoad = () -> {
            Book.onLoad = () -> { };
            try {
                executor.submit(task).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                outcome[0] = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
            } catch (Exception e) {
                outcome[0] = e.toString();
            }
        };
        Book loaded = em.find(Book.class, 1L);
        return outcome[0] + "; afterwards the request's fork still manages its Book 1: "
                + (em.contains(loaded) && em.find(Book.class, 1L) == loaded);
    }

    @GET
    @Path("keep-query")
    public String keepQuery() {
        keptQuery = em.createQuery("select b from Book b", Book.class);
        return "kept";
    }

    @GET
    @Path("use-kept-query")
    public String useKeptQuery() {
        try {
            keptQuery.getResultList();
            return "no error";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @GET
    @Path("keep")
    public String keep() {
        kept = Forkscope.currentEntityManager().orElseThrow();
        return "kept";
    }

    @GET
    @Path("use-kept")
    public String useKept() {
        try {
            kept.find(Book.class, 1L);
            return "no error";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    @GET
    @Path("mixing")
    public String mixing() {
        Book book = em.find(Book.class, 1L);
        book.setTitle("changed by the request");
        try {
            Forkscope.run(() -> em.merge(book));
            return "no error";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } finally {
            book.setTitle("Book 1");
        }
    }

    @GET
    @Path("discarded")
    public String discarded() {
        return warnings(() -> Forkscope.run(() -> em.find(Book.class, 1L).setTitle("never saved")));
    }

    @GET
    @Path("growth")
    public String growth() {
        return warnings(() -> Forkscope.run(() -> {
            em.createQuery("select b from Book b", Book.class).getResultList();
            em.find(Book.class, 1L);
            em.find(Book.class, 2L);
        }));
    }

    /**
     * Seed 003's ghost flush: a title upper-cased for display, then a transaction that saves another
     * book. Answers whether that transaction committed, then the warnings it logged.
     */
    @GET
    @Path("ghost-flush")
    public String ghostFlush() {
        String[] outcome = {"committed"};
        String warnings = warnings(() -> {
            Book shown = em.find(Book.class, 1L);
            shown.setTitle(shown.getTitle().toUpperCase());
            try {
                transactions.add(900, "another book", false);
            } catch (Exception e) { // a failed commit may surface as the checked RollbackException
                outcome[0] = "failed: " + causes(e);
            }
        });
        return outcome[0] + "\n" + warnings;
    }

    /** A thousand transactions that each change, by a setter inside, a book the request loaded before. */
    @GET
    @Path("clean-transactions")
    public String cleanTransactions() {
        return warnings(() -> {
            Book book = em.find(Book.class, 2L);
            for (int i = 0; i < 1000; i++) {
                transactions.rename(book, "clean " + i);
            }
        });
    }

    /** Changes made inside the transaction, and a change handed to merge inside it: the transactions' own. */
    @GET
    @Path("no-ghost-flush")
    public String noGhostFlush() {
        return warnings(() -> {
            transactions.rename(em.find(Book.class, 2L), "renamed inside");
            Book edited = em.find(Book.class, 3L);
            edited.setTitle("changed, then merged inside");
            transactions.save(edited);
        });
    }

    @GET
    @Path("jmx")
    public String jmx() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var names = server.queryNames(new ObjectName("io.github.forkscope:type=Forkscope,*"), null);
        StringBuilder out = new StringBuilder();
        for (ObjectName name : names) {
            out.append(name.getKeyProperty("name")).append('=').append(server.getAttribute(name, "ForksCreated")).append(';');
        }
        return out + "api=" + Forkscope.metrics().getForksCreated();
    }

    /** The messages of an exception, its causes and what they suppressed, on one line. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" | ");
            for (Throwable suppressed : t.getSuppressed()) {
                text.append("suppressed ").append(causes(suppressed));
            }
        }
        return text.toString().replace('\n', ' ');
    }

    private static String warnings(Runnable work) {
        try (ForkscopeWarnings capture = ForkscopeWarnings.capture()) {
            work.run();
            return String.join("\n", capture.messages());
        }
    }
}
