package io.github.forkscope.cdi;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.sessions.ObjectChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.internal.jpa.EntityManagerImpl;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ProviderSupport} for EclipseLink: reads the EntityManager's unit of work, whose change
 * calculation is the one EclipseLink runs at commit, without writing anything and without
 * registering it with a transaction.
 */
final class EclipseLinkSupport implements ProviderSupport {

    @Override
    public long managedEntities(EntityManager em) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        return unitOfWork == null ? 0 : unitOfWork.getCloneMapping().size();
    }

    @Override
    public Map<String, Integer> pendingChanges(EntityManager em) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        Map<String, Integer> changes = new TreeMap<>();
        if (unitOfWork == null || !unitOfWork.hasChanges()) {
            return changes;
        }
        for (Object removed : unitOfWork.getDeletedObjects().keySet()) {
            changes.merge("removed " + removed.getClass().getSimpleName(), 1, Integer::sum);
        }
        UnitOfWorkChangeSet changeSet = (UnitOfWorkChangeSet) unitOfWork.getCurrentChanges();
        for (ObjectChangeSet change : changeSet.getAllChangeSets().values()) {
            if (change.hasChanges() || change.isNew()) {
                String type = change.getClassName().substring(change.getClassName().lastIndexOf('.') + 1);
                changes.merge((change.isNew() ? "new " : "changed ") + type, 1, Integer::sum);
            }
        }
        return changes;
    }

    @Override
    public boolean manages(EntityManager em, Object entity) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        return entity != null && unitOfWork != null && unitOfWork.getCloneMapping().containsKey(entity);
    }

    /**
     * The EntityManager's unit of work, or null while it has none. It is asked for with no
     * transaction: {@code unwrap(UnitOfWork.class)} would register it with the thread's JTA
     * transaction, and creating one here would leave a unit of work that a {@code joinTransaction()}
     * already made for a unit of work yet to come does not cover.
     */
    private static UnitOfWorkImpl unitOfWork(EntityManager em) {
        EntityManagerImpl impl = em instanceof EntityManagerImpl own ? own : em.unwrap(EntityManagerImpl.class);
        return impl.hasActivePersistenceContext() ? impl.getActivePersistenceContext(null) : null;
    }
}
