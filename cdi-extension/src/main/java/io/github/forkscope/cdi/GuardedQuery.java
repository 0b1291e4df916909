package io.github.forkscope.cdi;

import jakarta.persistence.Query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A provider's query as the contextual EntityManager hands it out: every call enters the fork the
 * query was created on, so an execution (or a setter) from another thread gets
 * {@code FORKSCOPE-101}, one after the context ended gets {@code FORKSCOPE-102}, and one inside a
 * transaction that began after the query was created joins it, each message naming the query
 * method. A result stream enters the fork for each element it reads and for its closing. The
 * provider's own query type is reached with {@code unwrap}, which leaves the guard rails.
 * Thread-safe as its fork is: it refuses a second thread.
 */
final class GuardedQuery implements InvocationHandler {

    private final Query query;
    private final Fork fork;
    private final String type;

    private GuardedQuery(Query query, Fork fork, String type) {
        this.query = Objects.requireNonNull(query, "query");
        this.fork = Objects.requireNonNull(fork, "fork");
        this.type = Objects.requireNonNull(type, "type");
    }

    static <Q extends Query> Q create(Class<Q> type, Q query, Fork fork) {
        return type.cast(Proxy.newProxyInstance(GuardedQuery.class.getClassLoader(), new Class<?>[]{type},
                new GuardedQuery(query, fork, type.getSimpleName())));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> query.toString();
            };
        }
        String name = type + "." + method.getName();
        Fork entered = fork.enter(name, fork.unit().transactionKey());
        try {
            Object result = method.invoke(query, args);
            if (result == query && !method.getName().equals("unwrap")) {
                return proxy; // a setter's "this", kept guarded
            }
            return result instanceof Stream<?> stream ? guarded(stream, name) : result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            entered.exit();
        }
    }

    private Stream<?> guarded(Stream<?> rows, String name) {
        return StreamSupport.stream(new Rows<>(rows.spliterator(), name), false)
                .onClose(() -> inside(name + " (close)", rows::close));
    }

    private void inside(String method, Runnable action) {
        Fork entered = fork.enter(method, fork.unit().transactionKey());
        try {
            action.run();
        } finally {
            entered.exit();
        }
    }

    /** Reads the provider's result rows one at a time inside the fork; never split, as a cursor cannot be. */
    private final class Rows<T> implements Spliterator<T> {

        private final Spliterator<T> source;
        private final String method;
        private boolean advanced;

        Rows(Spliterator<T> source, String method) {
            this.source = source;
            this.method = method;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            inside(method, () -> advanced = source.tryAdvance(action));
            return advanced;
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return source.estimateSize();
        }

        @Override
        public int characteristics() {
            return source.characteristics() & ~(Spliterator.CONCURRENT | Spliterator.SUBSIZED);
        }
    }
}
