package io.github.forkscope.jta;

import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NoInitialContextException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JNDI names a Jakarta EE server would give, for Java SE: Forkscope looks up the transaction
 * synchronization registry and the user transaction there, Hibernate and EclipseLink their JTA
 * data sources, EclipseLink the transaction manager. Only {@code lookup} (and the name parser it needs) is served; the objects
 * bound are Narayana's and Agroal's own. There is no component environment in Java SE, so
 * {@code java:comp/env} answers as it does with no naming service at all, and Forkscope starts the
 * units itself, as in any Java SE application. Named by {@code java.naming.factory.initial}.
 */
public final class TestNaming implements InitialContextFactory {

    private static final Map<String, Object> NAMES = new ConcurrentHashMap<>();

    static void bind(String name, Object value) {
        NAMES.put(name, value);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(TestNaming.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        if ("java:comp/env".equals(String.valueOf(args[0]))) {
                            throw new NoInitialContextException("no component environment in Java SE");
                        }
                        Object value = NAMES.get(String.valueOf(args[0]));
                        if (value == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield value;
                    }
                    case "getNameParser" -> (NameParser) CompositeName::new;
                    case "close" -> null;
                    case "getEnvironment" -> new Hashtable<>(environment == null ? Map.of() : environment);
                    case "toString" -> "TestNaming";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
