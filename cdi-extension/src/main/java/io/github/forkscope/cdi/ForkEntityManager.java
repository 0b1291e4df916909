package io.github.forkscope.cdi;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.ConnectionConsumer;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FindOption;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockOption;
import jakarta.persistence.Query;
import jakarta.persistence.RefreshOption;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An {@code EntityManager} that passes every call to a {@link Fork}, entered for the call and
 * exited after it, so that the guard rails see each call; subclasses say which fork. Entities
 * handed to {@code persist}, {@code merge}, {@code remove}, {@code refresh}, {@code lock} and
 * {@code detach} are checked for fork mixing, and a flush warns about changes it leaves behind in
 * another live context. Queries it creates pass each of their calls through the fork too.
 * Unwrapping to {@code EntityManager} returns the guarded view of the fork, never the provider's
 * own object; {@code getDelegate()} and unwrapping to a provider type leave the guard rails.
 * Compiled against Jakarta Persistence 3.2 and loaded unchanged on 3.1: there, nothing calls the
 * methods 3.2 added, so the types they name are never loaded. Stateless apart from what
 * subclasses hold; thread-safe.
 */
abstract class ForkEntityManager implements EntityManager {

    final ManagedUnit unit;

    ForkEntityManager(ManagedUnit unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /** The application's contexts, through which a held fork finds the section a call is in. */
    abstract Contexts contexts();

    /** The fork the call goes to, entered; the caller exits it. */
    abstract Fork fork(String method);

    /** The fork a new query runs on, entered, or null outside any context, where the query records its calls. */
    abstract Fork queryFork(String method);

    /** The fork, entered, on which a query created outside any context reads rows; or the error that says why none. */
    abstract Fork readOutsideContext(String call);

    /** A query that enters its fork on every call, executions included; outside a context, one that records its calls. */
    private <Q extends Query> Q query(Class<Q> type, String method, Function<EntityManager, Q> create) {
        Fork fork = queryFork(method);
        if (fork == null) {
            return DetachedQuery.create(type, unit, create, method, this::readOutsideContext);
        }
        try {
            return GuardedQuery.create(type, create.apply(fork.em()), fork);
        } finally {
            fork.exit();
        }
    }

    /** One call on the entered fork. */
    private <T> T call(String method, Function<EntityManager, T> call) {
        Fork fork = fork(method);
        try {
            return call.apply(fork.em());
        } finally {
            fork.exit();
        }
    }

    /** One call with no result on the entered fork. */
    private void run(String method, Consumer<EntityManager> call) {
        Fork fork = fork(method);
        try {
            call.accept(fork.em());
        } finally {
            fork.exit();
        }
    }

    /** One call that hands the fork an entity, which must not be managed by another live fork. */
    private void handOver(String method, Object entity, Consumer<EntityManager> call) {
        Fork fork = fork(method);
        try {
            ForkMixingGuard.check(fork, entity, method);
            fork.handedOver(entity);
            call.accept(fork.em());
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
        handOver("EntityManager.remove", entity, em -> em.remove(entity));
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
        return call("EntityManager.find", em -> em.find(entityClass, primaryKey, properties));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        return call("EntityManager.find", em -> em.find(entityClass, primaryKey, lockMode));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        return call("EntityManager.find", em -> em.find(entityClass, primaryKey, lockMode, properties));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, FindOption... options) {
        return call("EntityManager.find", em -> em.find(entityClass, primaryKey, options));
    }

    @Override
    public <T> T find(EntityGraph<T> entityGraph, Object primaryKey, FindOption... options) {
        return call("EntityManager.find", em -> em.find(entityGraph, primaryKey, options));
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return call("EntityManager.getReference", em -> em.getReference(entityClass, primaryKey));
    }

    @Override
    public <T> T getReference(T entity) {
        return call("EntityManager.getReference", em -> em.getReference(entity));
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
        run("EntityManager.setFlushMode", em -> em.setFlushMode(flushMode));
    }

    @Override
    public FlushModeType getFlushMode() {
        return call("EntityManager.getFlushMode", EntityManager::getFlushMode);
    }

    @Override
    public void setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        run("EntityManager.setCacheRetrieveMode", em -> em.setCacheRetrieveMode(cacheRetrieveMode));
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return call("EntityManager.getCacheRetrieveMode", EntityManager::getCacheRetrieveMode);
    }

    @Override
    public void setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        run("EntityManager.setCacheStoreMode", em -> em.setCacheStoreMode(cacheStoreMode));
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return call("EntityManager.getCacheStoreMode", EntityManager::getCacheStoreMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        handOver("EntityManager.lock", entity, em -> em.lock(entity, lockMode));
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        handOver("EntityManager.lock", entity, em -> em.lock(entity, lockMode, properties));
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, LockOption... options) {
        handOver("EntityManager.lock", entity, em -> em.lock(entity, lockMode, options));
    }

    @Override
    public void refresh(Object entity) {
        handOver("EntityManager.refresh", entity, em -> em.refresh(entity));
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        handOver("EntityManager.refresh", entity, em -> em.refresh(entity, properties));
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        handOver("EntityManager.refresh", entity, em -> em.refresh(entity, lockMode));
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        handOver("EntityManager.refresh", entity, em -> em.refresh(entity, lockMode, properties));
    }

    @Override
    public void refresh(Object entity, RefreshOption... options) {
        handOver("EntityManager.refresh", entity, em -> em.refresh(entity, options));
    }

    @Override
    public void clear() {
        run("EntityManager.clear", EntityManager::clear);
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
        return call("EntityManager.getLockMode", em -> em.getLockMode(entity));
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        run("EntityManager.setProperty", em -> em.setProperty(propertyName, value));
    }

    @Override
    public Map<String, Object> getProperties() {
        return call("EntityManager.getProperties", EntityManager::getProperties);
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
    @SuppressWarnings("unchecked")
    public <T> TypedQuery<T> createQuery(CriteriaSelect<T> selectQuery) {
        return query(TypedQuery.class, "EntityManager.createQuery", em -> em.createQuery(selectQuery));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypedQuery<T> createQuery(TypedQueryReference<T> reference) {
        return query(TypedQuery.class, "EntityManager.createQuery", em -> em.createQuery(reference));
    }

    @Override
    public Query createQuery(CriteriaUpdate<?> updateQuery) {
        return query(Query.class, "EntityManager.createQuery", em -> em.createQuery(updateQuery));
    }

    @Override
    public Query createQuery(CriteriaDelete<?> deleteQuery) {
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
    public <T> Query createNativeQuery(String sqlString, Class<T> resultClass) {
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
                                                           Class<?>... resultClasses) {
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
        run("EntityManager.joinTransaction", EntityManager::joinTransaction);
    }

    @Override
    public boolean isJoinedToTransaction() {
        return call("EntityManager.isJoinedToTransaction", EntityManager::isJoinedToTransaction);
    }

    @Override
    public <C> void runWithConnection(ConnectionConsumer<C> action) {
        run("EntityManager.runWithConnection", em -> em.runWithConnection(action));
    }

    @Override
    public <C, T> T callWithConnection(ConnectionFunction<C, T> function) {
        return call("EntityManager.callWithConnection", em -> em.callWithConnection(function));
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        Fork fork = fork("EntityManager.unwrap");
        try {
            return cls == EntityManager.class ? cls.cast(fork.view(contexts())) : fork.em().unwrap(cls);
        } finally {
            fork.exit();
        }
    }

    @Override
    public Object getDelegate() {
        return call("EntityManager.getDelegate", EntityManager::getDelegate);
    }

    @Override
    public EntityTransaction getTransaction() {
        return call("EntityManager.getTransaction", EntityManager::getTransaction);
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
        return call("EntityManager.createEntityGraph", em -> em.createEntityGraph(rootType));
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        return call("EntityManager.createEntityGraph", em -> em.createEntityGraph(graphName));
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        return call("EntityManager.getEntityGraph", em -> em.getEntityGraph(graphName));
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        return call("EntityManager.getEntityGraphs", em -> em.getEntityGraphs(entityClass));
    }
}
