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
 * The {@code EntityManager} that applications inject: one per persistence unit, stateless, and
 * resolving every call to the fork of the context that is active on the calling thread (joined
 * to the active JTA transaction first). Outside any context, context-specific calls go to
 * {@link GlobalContext}, which fails them or, with the escape hatch on, serves them from the
 * global fork; queries created there may still run {@code executeUpdate()}. Thread-safe.
 */
final class ContextualEntityManager implements EntityManager {

    private final ManagedUnit unit;
    private final ContextRunner contexts;
    private final GlobalContext global;

    ContextualEntityManager(ManagedUnit unit, ContextRunner contexts, GlobalContext global) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.global = Objects.requireNonNull(global, "global");
    }

    private EntityManager fork(String method) {
        Frame frame = contexts.activeFrame();
        return unit.joined(frame != null ? frame.fork(unit) : global.forkFor(unit, method));
    }

    private <Q extends Query> Q query(Class<Q> type, String method, Function<EntityManager, Q> create) {
        Frame frame = contexts.activeFrame();
        EntityManager fork = frame != null ? frame.fork(unit) : global.forkOrNull(unit);
        return fork != null ? create.apply(unit.joined(fork)) : DetachedQuery.create(type, unit, create, method);
    }

    @Override
    public void persist(Object entity) {
        fork("EntityManager.persist").persist(entity);
    }

    @Override
    public <T> T merge(T entity) {
        return fork("EntityManager.merge").merge(entity);
    }

    @Override
    public void remove(Object entity) {
        fork("EntityManager.remove").remove(entity);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return fork("EntityManager.find").find(entityClass, primaryKey);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        return fork("EntityManager.find").find(entityClass, primaryKey, properties);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        return fork("EntityManager.find").find(entityClass, primaryKey, lockMode);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        return fork("EntityManager.find").find(entityClass, primaryKey, lockMode, properties);
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return fork("EntityManager.getReference").getReference(entityClass, primaryKey);
    }

    @Override
    public void flush() {
        fork("EntityManager.flush").flush();
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        fork("EntityManager.setFlushMode").setFlushMode(flushMode);
    }

    @Override
    public FlushModeType getFlushMode() {
        return fork("EntityManager.getFlushMode").getFlushMode();
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        fork("EntityManager.lock").lock(entity, lockMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        fork("EntityManager.lock").lock(entity, lockMode, properties);
    }

    @Override
    public void refresh(Object entity) {
        fork("EntityManager.refresh").refresh(entity);
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        fork("EntityManager.refresh").refresh(entity, properties);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        fork("EntityManager.refresh").refresh(entity, lockMode);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        fork("EntityManager.refresh").refresh(entity, lockMode, properties);
    }

    @Override
    public void clear() {
        fork("EntityManager.clear").clear();
    }

    @Override
    public void detach(Object entity) {
        fork("EntityManager.detach").detach(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return fork("EntityManager.contains").contains(entity);
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        return fork("EntityManager.getLockMode").getLockMode(entity);
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        fork("EntityManager.setProperty").setProperty(propertyName, value);
    }

    @Override
    public Map<String, Object> getProperties() {
        return fork("EntityManager.getProperties").getProperties();
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
        fork("EntityManager.joinTransaction").joinTransaction();
    }

    @Override
    public boolean isJoinedToTransaction() {
        return fork("EntityManager.isJoinedToTransaction").isJoinedToTransaction();
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        return fork("EntityManager.unwrap").unwrap(cls);
    }

    @Override
    public Object getDelegate() {
        return fork("EntityManager.getDelegate").getDelegate();
    }

    @Override
    public void close() {
        throw new IllegalStateException(Messages.closeNotAllowed());
    }

    @Override
    public boolean isOpen() {
        return unit.factory().isOpen();
    }

    @Override
    public EntityTransaction getTransaction() {
        return fork("EntityManager.getTransaction").getTransaction();
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
        return fork("EntityManager.createEntityGraph").createEntityGraph(rootType);
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        return fork("EntityManager.createEntityGraph").createEntityGraph(graphName);
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        return fork("EntityManager.getEntityGraph").getEntityGraph(graphName);
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        return fork("EntityManager.getEntityGraphs").getEntityGraphs(entityClass);
    }

    @Override
    public String toString() {
        return "Forkscope contextual EntityManager of unit '" + unit.name() + "'";
    }
}
