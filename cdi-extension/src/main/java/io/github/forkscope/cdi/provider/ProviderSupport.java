package io.github.forkscope.cdi.provider;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the guard rails read from a persistence context that Jakarta Persistence has no API for:
 * how many entities it manages, and which changes are pending, without flushing. One
 * implementation per provider, chosen by the class of the provider's EntityManager so that the
 * other provider's classes are never loaded. No method flushes, or joins or pulses a transaction.
 * The one type of this package that the rest of the extension sees; internal, not an API for
 * applications. Stateless and thread-safe; each call reads a fork the calling thread is entitled
 * to use.
 */
public interface ProviderSupport {

    /** For providers Forkscope does not know: the checks that need the provider are skipped. */
    ProviderSupport NONE = new ProviderSupport() {
        @Override
        public long managedEntities(EntityManager em) {
            return -1;
        }

        @Override
        public Map<Object, String> pendingEntities(EntityManager em) {
            return Map.of();
        }

        @Override
        public boolean manages(EntityManager em, Object entity) {
            return false;
        }

        @Override
        public List<Object> managedInstances(EntityManager em) {
            return List.of();
        }
    };

    /** @return the number of entities the fork manages, or -1 when it cannot be told */
    long managedEntities(EntityManager em);

    /**
     * @return the entities with pending changes, by identity, each with the change, such as
     *         {@code "changed Book"}, {@code "new Author"} or {@code "removed Book"}; empty when none
     */
    Map<Object, String> pendingEntities(EntityManager em);

    /**
     * @return pending changes by kind and entity type, such as {@code "new Book" -> 2}, sorted,
     *         empty when there are none
     */
    default Map<String, Integer> pendingChanges(EntityManager em) {
        return count(pendingEntities(em).values());
    }

    /** Counts changes by kind and type, sorted: {@code ["new Book", "new Book"]} gives {@code {"new Book": 2}}. */
    static Map<String, Integer> count(Iterable<String> changes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String change : changes) {
            counts.merge(change, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Whether the persistence context holds the entity, read from the provider's own structures:
     * unlike {@code EntityManager.contains}, this never joins or touches a transaction.
     */
    boolean manages(EntityManager em, Object entity);

    /** The entities the persistence context manages, in no order: a copy; empty when it cannot be told. */
    List<Object> managedInstances(EntityManager em);

    /** The support for the provider whose EntityManager this is, or {@link #NONE}. */
    static ProviderSupport of(EntityManager em) {
        String type = em.getClass().getName();
        if (type.startsWith("org.hibernate.")) {
            return new HibernateSupport();
        }
        if (type.startsWith("org.eclipse.persistence.")) {
            return new EclipseLinkSupport();
        }
        return NONE;
    }
}
