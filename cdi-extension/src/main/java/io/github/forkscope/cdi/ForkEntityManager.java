package io.github.forkscope.cdi;

import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An {@code EntityManager} that passes every call to a {@link Fork}, entered for the call and
 * exited after it, so that the guard rails see each call; subclasses say which fork. Entities
 * handed to {@code persist}, {@code merge}, {@code remove}, {@code refresh}, {@code lock} and
 * {@code detach} are checked for fork mixing, and a flush warns about changes it leaves behind in
 * another live context. Queries it creates pass each of their calls through the fork too.
 * Unwrapping to {@code EntityManager} returns the guarded view of the fork, never the provider's
 * own object; {@code getDelegate()} and unwrapping to a provider type leave the guard rails.
 * Stateless apart from what subclasses hold; thread-safe.
 */
abstract class ForkEntityManager implements EntityManager {

    final ManagedUnit unit;

    ForkEntityManager(ManagedUnit unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /** The fork the call goes to, entered; the caller exits it. */
    abstract Fork fork(String method);

    /** The fork a new query runs on, entered, or null to create a query that may only write. */
    abstract Fork queryFork(String method);

    /** A query that enters its fork on every call, executions included; outside a context, one that may only write. */
    private <Q extends Query> Q query(Class<Q> type, String method, Function<EntityManager, Q> create) {
        Fork fork = queryFork(method);
        if (fork == null) {
            return DetachedQuery.create(type, unit, create, method);
        }
        try {
            return GuardedQuery.create(type, create.apply(fork.em()), fork);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void persist(Object entity) {
        Fork fork = fork("EntityManager.persist");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.persist");
            fork.handedOver(entity);
            fork.em().persist(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T merge(T entity) {
        Fork fork = fork("EntityManager.merge");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.merge");
            fork.handedOver(entity);
            return fork.em().merge(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void remove(Object entity) {
        Fork fork = fork("EntityManager.remove");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.remove");
            fork.handedOver(entity);
            fork.em().remove(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        Fork fork = fork("EntityManager.find");
        try {
            return fork.em().find(entityClass, primaryKey);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        Fork fork = fork("EntityManager.find");
        try {
            return fork.em().find(entityClass, primaryKey, properties);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        Fork fork = fork("EntityManager.find");
        try {
            return fork.em().find(entityClass, primaryKey, lockMode);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        Fork fork = fork("EntityManager.find");
        try {
            return fork.em().find(entityClass, primaryKey, lockMode, properties);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        Fork fork = fork("EntityManager.getReference");
        try {
            return fork.em().getReference(entityClass, primaryKey);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void flush() {
        Fork fork = fork("EntityManager.flush");
        try {
            ForkMixingGuard.warnForeignChanges(fork);
            fork.em().flush();
        } finally {
            fork.exit();
        }
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        Fork fork = fork("EntityManager.setFlushMode");
        try {
            fork.em().setFlushMode(flushMode);
        } finally {
            fork.exit();
        }
    }

    @Override
    public FlushModeType getFlushMode() {
        Fork fork = fork("EntityManager.getFlushMode");
        try {
            return fork.em().getFlushMode();
        } finally {
            fork.exit();
        }
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        Fork fork = fork("EntityManager.lock");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.lock");
            fork.handedOver(entity);
            fork.em().lock(entity, lockMode);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        Fork fork = fork("EntityManager.lock");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.lock");
            fork.handedOver(entity);
            fork.em().lock(entity, lockMode, properties);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void refresh(Object entity) {
        Fork fork = fork("EntityManager.refresh");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.refresh");
            fork.handedOver(entity);
            fork.em().refresh(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        Fork fork = fork("EntityManager.refresh");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.refresh");
            fork.handedOver(entity);
            fork.em().refresh(entity, properties);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        Fork fork = fork("EntityManager.refresh");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.refresh");
            fork.handedOver(entity);
            fork.em().refresh(entity, lockMode);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        Fork fork = fork("EntityManager.refresh");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.refresh");
            fork.handedOver(entity);
            fork.em().refresh(entity, lockMode, properties);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void clear() {
        Fork fork = fork("EntityManager.clear");
        try {
            fork.em().clear();
        } finally {
            fork.exit();
        }
    }

    @Override
    public void detach(Object entity) {
        Fork fork = fork("EntityManager.detach");
        try {
            ForkMixingGuard.check(fork, entity, "EntityManager.detach");
            fork.em().detach(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public boolean contains(Object entity) {
        Fork fork = fork("EntityManager.contains");
        try {
            return fork.em().contains(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        Fork fork = fork("EntityManager.getLockMode");
        try {
            return fork.em().getLockMode(entity);
        } finally {
            fork.exit();
        }
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        Fork fork = fork("EntityManager.setProperty");
        try {
            fork.em().setProperty(propertyName, value);
        } finally {
            fork.exit();
        }
    }

    @Override
    public Map<String, Object> getProperties() {
        Fork fork = fork("EntityManager.getProperties");
        try {
            return fork.em().getProperties();
        } finally {
            fork.exit();
        }
    }

    @Override
    public Query createQuery(String qlString) {
        return query(Query.class, "EntityManager.createQuery", em -> em.createQuery(qlString));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return query(TypedQuery.class, "EntityManager.createQuery", em -> em.createQuery(criteriaQuery));
    }

    @Override
    public Query createQuery(@SuppressWarnings("rawtypes") CriteriaUpdate updateQuery) {
        return query(Query.class, "EntityManager.createQuery", em -> em.createQuery(updateQuery));
    }

    @Override
    public Query createQuery(@SuppressWarnings("rawtypes") CriteriaDelete deleteQuery) {
        return query(Query.class, "EntityManager.createQuery", em -> em.createQuery(deleteQuery));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        return query(TypedQuery.class, "EntityManager.createQuery", em -> em.createQuery(qlString, resultClass));
    }

    @Override
    public Query createNamedQuery(String name) {
        return query(Query.class, "EntityManager.createNamedQuery", em -> em.createNamedQuery(name));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return query(TypedQuery.class, "EntityManager.createNamedQuery", em -> em.createNamedQuery(name, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        return query(Query.class, "EntityManager.createNativeQuery", em -> em.createNativeQuery(sqlString));
    }

    @Override
    public Query createNativeQuery(String sqlString, @SuppressWarnings("rawtypes") Class resultClass) {
        return query(Query.class, "EntityManager.createNativeQuery", em -> em.createNativeQuery(sqlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        return query(Query.class, "EntityManager.createNativeQuery",
                em -> em.createNativeQuery(sqlString, resultSetMapping));
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        return query(StoredProcedureQuery.class, "EntityManager.createNamedStoredProcedureQuery",
                em -> em.createNamedStoredProcedureQuery(name));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        return query(StoredProcedureQuery.class, "EntityManager.createStoredProcedureQuery",
                em -> em.createStoredProcedureQuery(procedureName));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName,
                                                           @SuppressWarnings("rawtypes") Class... resultClasses) {
        return query(StoredProcedureQuery.class, "EntityManager.createStoredProcedureQuery",
                em -> em.createStoredProcedureQuery(procedureName, resultClasses));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        return query(StoredProcedureQuery.class, "EntityManager.createStoredProcedureQuery",
                em -> em.createStoredProcedureQuery(procedureName, resultSetMappings));
    }

    @Override
    public void joinTransaction() {
        Fork fork = fork("EntityManager.joinTransaction");
        try {
            fork.em().joinTransaction();
        } finally {
            fork.exit();
        }
    }

    @Override
    public boolean isJoinedToTransaction() {
        Fork fork = fork("EntityManager.isJoinedToTransaction");
        try {
            return fork.em().isJoinedToTransaction();
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        Fork fork = fork("EntityManager.unwrap");
        try {
            return cls == EntityManager.class ? cls.cast(fork.view()) : fork.em().unwrap(cls);
        } finally {
            fork.exit();
        }
    }

    @Override
    public Object getDelegate() {
        Fork fork = fork("EntityManager.getDelegate");
        try {
            return fork.em().getDelegate();
        } finally {
            fork.exit();
        }
    }

    @Override
    public EntityTransaction getTransaction() {
        Fork fork = fork("EntityManager.getTransaction");
        try {
            return fork.em().getTransaction();
        } finally {
            fork.exit();
        }
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        return unit.factory();
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return unit.factory().getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        return unit.factory().getMetamodel();
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        Fork fork = fork("EntityManager.createEntityGraph");
        try {
            return fork.em().createEntityGraph(rootType);
        } finally {
            fork.exit();
        }
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        Fork fork = fork("EntityManager.createEntityGraph");
        try {
            return fork.em().createEntityGraph(graphName);
        } finally {
            fork.exit();
        }
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        Fork fork = fork("EntityManager.getEntityGraph");
        try {
            return fork.em().getEntityGraph(graphName);
        } finally {
            fork.exit();
        }
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        Fork fork = fork("EntityManager.getEntityGraphs");
        try {
            return fork.em().getEntityGraphs(entityClass);
        } finally {
            fork.exit();
        }
    }
}
