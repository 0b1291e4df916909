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
import java.util.function.Function;

/**
 * A query created on the contextual EntityManager outside any context. It records its
 * parameters and settings; {@code executeUpdate()} then runs it on a short-lived EntityManager of
 * its own, inside the active JTA transaction or in a transaction that commits before the call
 * returns, as bulk and native writes are allowed outside a context. Every call that would read
 * rows or depend on a persistence context fails with {@link GlobalContextException}. One
 * instance serves the thread that created it.
 */
final class DetachedQuery implements InvocationHandler {

    private final ManagedUnit unit;
    private final Function<EntityManager, ? extends Query> creator;
    private final String createdBy;
    private final List<Method> methods = new ArrayList<>();
    private final List<Object[]> arguments = new ArrayList<>();

    private DetachedQuery(ManagedUnit unit, Function<EntityManager, ? extends Query> creator, String createdBy) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.creator = Objects.requireNonNull(creator, "creator");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    }

    static <Q extends Query> Q create(Class<Q> type, ManagedUnit unit, Function<EntityManager, Q> creator,
                                      String createdBy) {
        return type.cast(Proxy.newProxyInstance(DetachedQuery.class.getClassLoader(), new Class<?>[]{type},
                new DetachedQuery(unit, creator, createdBy)));
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
        if (name.startsWith("set")) {
            methods.add(method);
            arguments.add(args);
            return proxy;
        }
        throw new GlobalContextException(Messages.globalContext(
                method.getDeclaringClass().getSimpleName() + "." + name + " (query from " + createdBy + ")",
                Thread.currentThread()));
    }

    private int executeUpdate() {
        EntityManager em = unit.createFork();
        try {
            return unit.transaction(em).run(unit.name(), () -> replayOn(creator.apply(em)).executeUpdate());
        } finally {
            em.close();
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
