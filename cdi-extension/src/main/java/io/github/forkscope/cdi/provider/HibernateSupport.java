package io.github.forkscope.cdi.provider;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProviderSupport} for Hibernate ORM 6 and 7: reads the session's persistence context. A
 * change is found the way Hibernate's own flush finds it: by comparing each managed entity's
 * values with its loaded state, and from the dirty flag of each collection it tracks; nothing is
 * flushed.
 */
final class HibernateSupport implements ProviderSupport {

    @Override
    public long managedEntities(EntityManager em) {
        return em.unwrap(SessionImplementor.class).getPersistenceContextInternal().getNumberOfManagedEntities();
    }

    @Override
    public Map<Object, String> pendingEntities(EntityManager em) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        PersistenceContext context = session.getPersistenceContextInternal();
        Map<Object, String> changes = new IdentityHashMap<>();
        for (Map.Entry<Object, EntityEntry> managed : context.reentrantSafeEntityEntries()) {
            EntityEntry entry = managed.getValue();
            String kind = kind(session, managed.getKey(), entry);
            if (kind != null) {
                changes.put(managed.getKey(), kind + " " + simpleName(entry.getEntityName()));
            }
        }
        // a collection changed in place leaves its owner's own state as it was loaded
        context.forEachCollectionEntry((collection, entry) -> {
            Object owner = collection.getOwner();
            if (owner != null && collection.isDirty() && !changes.containsKey(owner)) {
                EntityEntry ownerEntry = context.getEntry(owner);
                if (ownerEntry != null && ownerEntry.getStatus() == Status.MANAGED) {
                    changes.put(owner, "changed " + simpleName(ownerEntry.getEntityName()));
                }
            }
        }, false);
        return changes;
    }

    @Override
    public boolean manages(EntityManager em, Object entity) {
        if (entity == null) {
            return false;
        }
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(entity);
        if (proxy != null) {
            return proxy.getSession() == session;
        }
        return session.getPersistenceContextInternal().getEntry(entity) != null;
    }

    @Override
    public List<Object> managedInstances(EntityManager em) {
        Map.Entry<Object, EntityEntry>[] entries = em.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .reentrantSafeEntityEntries();
        List<Object> instances = new ArrayList<>(entries.length);
        for (Map.Entry<Object, EntityEntry> entry : entries) {
            instances.add(entry.getKey());
        }
        return instances;
    }

    private static String kind(SessionImplementor session, Object entity, EntityEntry entry) {
        if (entry.getStatus() == Status.DELETED) {
            return "removed";
        }
        if (entry.getStatus() != Status.MANAGED) {
            return null;
        }
        if (!entry.isExistsInDatabase()) {
            return "new";
        }
        Object[] loaded = entry.getLoadedState();
        if (loaded == null) {
            return null;
        }
        EntityPersister persister = entry.getPersister();
        return persister.findDirty(persister.getValues(entity), loaded, entity, session) != null ? "changed" : null;
    }

    private static String simpleName(String entityName) {
        return entityName.substring(entityName.lastIndexOf('.') + 1);
    }
}
