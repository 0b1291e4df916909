package io.github.forkscope.cdi;

import io.github.forkscope.GlobalContextException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A query created on the contextual EntityManager outside any context. It records its
 * parameters and settings, and answers its getters ({@code getParameters()}, {@code getHints()},
 * {@code getMaxResults()}, …) from what was recorded, replayed on a query of a short-lived
 * EntityManager. {@code executeUpdate()} runs it on a short-lived EntityManager of its own, inside
 * the active JTA transaction or in a transaction that commits before the call returns, as bulk and
 * native writes are allowed outside a context, with the escape hatch on or off. Every call that
 * reads rows goes to the fork that {@code reads} gives: the global context's with the escape hatch
 * on, else {@link GlobalContextException}. One instance serves the thread that created it.
 */
final class DetachedQuery implements InvocationHandler {

    /** Calls that read rows or results, which need a persistence context. */
    private static final Set<String> READS = Set.of("getResultList", "getSingleResult", "getSingleResultOrNull",
            "getResultStream", "execute", "hasMoreResults", "getUpdateCount", "getOutputParameterValue", "unwrap");

    private final Class<? extends Query> type;
    private final ManagedUnit unit;
    private final Function<EntityManager, ? extends Query> creator;
    private final String createdBy;
    private final Function<String, Fork> reads;
    private final List<Method> methods = new ArrayList<>();
    private final List<Object[]> arguments = new ArrayList<>();

    private DetachedQuery(Class<? extends Query> type, ManagedUnit unit, Function<EntityManager, ? extends Query> creator,
                          String createdBy, Function<String, Fork> reads) {
        this.type = Objects.requireNonNull(type, "type");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.creator = Objects.requireNonNull(creator, "creator");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    /**
     * @param reads gives the fork, entered, that a call which reads rows runs on, or throws; its
     *              argument is the call, such as {@code TypedQuery.getResultList (query from EntityManager.createQuery)}
     */
    static <Q extends Query> Q create(Class<Q> type, ManagedUnit unit, Function<EntityManager, Q> creator,
                                      String createdBy, Function<String, Fork> reads) {
        return type.cast(Proxy.newProxyInstance(DetachedQuery.class.getClassLoader(), new Class<?>[]{type},
                new DetachedQuery(type, unit, creator, createdBy, reads)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Query outside any Forkscope context, from " + createdBy;
            };
        }
        if (name.equals("executeUpdate") && method.getParameterCount() == 0) {
            return executeUpdate();
        }
        if (READS.contains(name)) {
            return read(method, args);
        }
        if (name.startsWith("set") || name.startsWith("register")) {
            methods.add(method);
            arguments.add(args);
            return proxy;
        }
        return answer(method, args);
    }

    private int executeUpdate() {
        EntityManager em = unit.createFork();
        try {
            return unit.transaction(em).run(unit.name(), () -> replayOn(creator.apply(em)).executeUpdate());
        } finally {
            em.close();
        }
    }

    /** A getter, answered by the provider's own query with the recorded calls replayed. */
    private Object answer(Method method, Object[] args) throws Throwable {
        EntityManager em = unit.createFork();
        try {
            return invoke(replayOn(creator.apply(em)), method, args);
        } finally {
            em.close();
        }
    }

    /** A read, on the fork {@code reads} gives, through a guarded query as inside a context. */
    private Object read(Method method, Object[] args) throws Throwable {
        Fork fork = reads.apply(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + " (query from " + createdBy + ")");
        Query guarded;
        try {
            guarded = GuardedQuery.create(query(type), replayOn(creator.apply(fork.em())), fork);
        } finally {
            fork.exit();
        }
        return invoke(guarded, method, args);
    }

    @SuppressWarnings("unchecked")
    private static Class<Query> query(Class<? extends Query> type) {
        return (Class<Query>) type;
    }

    private static Object invoke(Query query, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(query, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Query replayOn(Query query) {
        for (int i = 0; i < methods.size(); i++) {
            try {
                methods.get(i).invoke(query, arguments.get(i));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return query;
    }
}
