package io.github.forkscope.cdi.provider;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.sessions.ObjectChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.internal.jpa.EntityManagerImpl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
    public Map<Object, String> pendingEntities(EntityManager em) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        Map<Object, String> changes = new IdentityHashMap<>();
        if (unitOfWork == null || !unitOfWork.hasChanges()) {
            return changes;
        }
        for (Object removed : unitOfWork.getDeletedObjects().keySet()) {
            changes.put(removed, "removed " + removed.getClass().getSimpleName());
        }
        UnitOfWorkChangeSet changeSet = (UnitOfWorkChangeSet) unitOfWork.getCurrentChanges();
        for (ObjectChangeSet change : changeSet.getAllChangeSets().values()) {
            if ((change.hasChanges() || change.isNew()) && !changes.containsKey(change.getUnitOfWorkClone())) {
                String type = change.getClassName().substring(change.getClassName().lastIndexOf('.') + 1);
                changes.put(change.getUnitOfWorkClone(), (change.isNew() ? "new " : "changed ") + type);
            }
        }
        return changes;
    }

    @Override
    public boolean manages(EntityManager em, Object entity) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        return entity != null && unitOfWork != null && unitOfWork.getCloneMapping().containsKey(entity);
    }

    @Override
    public List<Object> managedInstances(EntityManager em) {
        UnitOfWorkImpl unitOfWork = unitOfWork(em);
        return unitOfWork == null ? List.of() : new ArrayList<>(unitOfWork.getCloneMapping().keySet());
    }

    /**
     * The EntityManager's unit of work, or null while it has none. It is asked for with no
     * transaction, since {@code unwrap(UnitOfWork.class)} would register it with the thread's JTA
     * transaction; and none is created here, since EclipseLink binds a unit of work to the
     * transaction an earlier {@code joinTransaction()} named only when its own calls create it.
     */
    private static UnitOfWorkImpl unitOfWork(EntityManager em) {
        EntityManagerImpl impl = em instanceof EntityManagerImpl own ? own : em.unwrap(EntityManagerImpl.class);
        return impl.hasActivePersistenceContext() ? impl.getActivePersistenceContext(null) : null;
    }
}
