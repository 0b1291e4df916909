package io.github.forkscope.it.app;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Transactions as applications write them: CDI @Transactional, CMT EJBs, and a UserTransaction of their own. */
@Path("/tx")
public class TxResource {
    @Inject
    TxService cdi;
    @Inject
    TxEjb ejb;
    @Inject
    EntityManager em;
    @Resource
    UserTransaction userTransaction;

    @POST
    @Path("{kind}/{id}")
    public String add(@PathParam("kind") String kind, @PathParam("id") long id, @QueryParam("fail") boolean fail) {
        try {
            if (kind.equals("cdi")) {
                cdi.add(id, "via " + kind, fail);
            } else {
                ejb.add(id, "via " + kind, fail);
            }
            return "committed";
        } catch (RuntimeException e) {
            return "failed";
        }
    }

    /** Loads a book in the request, outside any transaction, and changes it inside one with a setter only. */
    @POST
    @Path("{kind}/load-then-rename/{id}")
    public String loadThenRename(@PathParam("kind") String kind, @PathParam("id") long id,
                                 @QueryParam("title") String title) {
        Book book = em.find(Book.class, id);
        if (kind.equals("cdi")) {
            cdi.rename(book, title);
        } else {
            ejb.rename(book, title);
        }
        return "renamed";
    }

    @POST
    @Path("{kind}/requires-new/{id}")
    public String requiresNew(@PathParam("kind") String kind, @PathParam("id") long id, @QueryParam("title") String title,
                              @QueryParam("audit") long audit, @QueryParam("inner") boolean innerFails,
                              @QueryParam("outer") boolean outerFails) {
        try {
            if (kind.equals("cdi")) {
                cdi.renameWithAudit(id, title, audit, innerFails, outerFails);
            } else {
                ejb.renameWithAudit(id, title, audit, innerFails, outerFails);
            }
            return "committed";
        } catch (RuntimeException e) {
            return "failed";
        }
    }

    @POST
    @Path("not-supported/{id}")
    public String notSupported(@PathParam("id") long id, @QueryParam("title") String title,
                               @QueryParam("other") long other) {
        cdi.renameThenAddWithoutTransaction(id, title, other);
        return "committed";
    }

    @POST
    @Path("mixing/{id}")
    public String mixing(@PathParam("id") long id, @QueryParam("title") String title, @QueryParam("audit") long audit) {
        return cdi.renameAndMergeInNewTransaction(id, title, audit);
    }

    /** A transaction the application begins itself: the fork joins it on its next call, or at joinTransaction(). */
    @POST
    @Path("user-transaction/{id}")
    public String userTransaction(@PathParam("id") long id, @QueryParam("title") String title,
                                  @QueryParam("join") boolean join) throws Exception {
        Book book = em.find(Book.class, id);
        userTransaction.begin();
        try {
            if (join) {
                em.joinTransaction();
            }
            book.setTitle(title);
            userTransaction.commit();
        } catch (Exception e) {
            userTransaction.rollback();
            throw e;
        }
        return "committed";
    }

    /** A query created before the transaction began, executed inside it: its execution joins the fork. */
    @POST
    @Path("query-before-transaction/{id}")
    public String queryBeforeTransaction(@PathParam("id") long id, @QueryParam("title") String title) throws Exception {
        TypedQuery<Book> query = em.createQuery("select b from Book b where b.id = :id", Book.class).setParameter("id", id);
        userTransaction.begin();
        try {
            query.getSingleResult().setTitle(title);
            userTransaction.commit();
        } catch (Exception e) {
            userTransaction.rollback();
            throw e;
        }
        return "committed";
    }
}
