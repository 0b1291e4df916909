package io.github.forkscope.cdi;

import io.github.forkscope.Forkscope;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC 4.5, a lifecycle that closes exactly once: the {@code @PreDestroy} methods of request-scoped
 * beans reach the unit of work's fork where Forkscope activated the request context, and get
 * {@code FORKSCOPE-110} (never a context that nobody closes) where the container's request context
 * outlives it; the request context Forkscope activated is deactivated whatever a callback does;
 * request-scoped state never crosses to the next unit of work; a thread started in a context
 * inherits nothing of the application's; a session bean with a transaction boundary survives
 * passivation with Forkscope's interceptor bound to it.
 */
class LifecycleTest extends WeldTest {

    @BeforeEach
    void forget() {
        Closing.SEEN.clear();
    }

    @Test
    void preDestroyMethodsReachTheUnitsForkAndNothingStaysOpen() {
        long active = Forkscope.metrics().getContextsActive();
        long opened = statistics("main").getSessionOpenCount();
        long closed = sessionsClosed("main");
        for (int unit = 0; unit < 3; unit++) {
            Forkscope.run(() -> {
                bean(Closing.class).load(SEEDED_BOOK);
                bean(Closing.Another.class).load(SEEDED_BOOK);
                bean(RequestCounter.class).increment();
                assertEquals(1, bean(RequestCounter.class).value(), "request-scoped state crossed units of work");
            });
            assertFalse(requestContextActive(), "the request context Forkscope activated is still active");
        }
        assertEquals(List.of("the unit's own instance", "the unit's own instance", "the unit's own instance",
                "the unit's own instance", "the unit's own instance", "the unit's own instance"), Closing.SEEN);
        assertEquals(active, Forkscope.metrics().getContextsActive(), "a @PreDestroy reopened a context");
        assertEquals(statistics("main").getSessionOpenCount() - opened, sessionsClosed("main") - closed,
                "Hibernate sessions opened and never closed");
    }

    @Test
    void aPreDestroyAfterTheContainersRequestContextClosedItsForksGetsACodedErrorNotANewContext() {
        long active = Forkscope.metrics().getContextsActive();
        long opened = statistics("main").getSessionOpenCount();
        long closed = sessionsClosed("main");
        RequestContextController controller = bean(RequestContextController.class);
        for (int unit = 0; unit < 5; unit++) {
            assertTrue(controller.activate());
            try {
                bean(Closing.class).load(SEEDED_BOOK);
                bean(Closing.Another.class).load(SEEDED_BOOK);
            } finally {
                controller.deactivate();
            }
        }
        assertEquals(10, Closing.SEEN.size(), "a @PreDestroy did not run: " + Closing.SEEN);
        for (Object seen : Closing.SEEN) {
            if (seen instanceof RuntimeException e) {
                assertTrue(e.getMessage().startsWith("FORKSCOPE-110"), e.getMessage());
            } else {
                assertEquals("the unit's own instance", seen);
            }
        }
        assertEquals(active, Forkscope.metrics().getContextsActive(), "a @PreDestroy reopened a context");
        assertEquals(statistics("main").getSessionOpenCount() - opened, sessionsClosed("main") - closed,
                "Hibernate sessions opened and never closed");
    }

    @Test
    void aThreadStartedInAContextInheritsOnlyJdkObjects() throws Exception {
        AtomicReference<List<Object>> inherited = new AtomicReference<>();
        Forkscope.run(() -> {
            bean(Library.class).em().find(Book.class, SEEDED_BOOK);
            Thread child = new Thread(() -> inherited.set(inheritedValues(Thread.currentThread())));
            child.start();
            join(child);
        });
        assertFalse(inherited.get().isEmpty(), "the origin marker was not inherited");
        for (Object value : inherited.get()) {
            assertNull(value.getClass().getClassLoader(), "a started thread pins an application class: " + value.getClass());
        }
    }

    /** Weld's own passivation: the session's storage serialized and read back, beans and their interceptors with it. */
    @Test
    void aSessionBeanWithATransactionBoundarySurvivesPassivation() throws Exception {
        BoundSessionContext session = container.select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
        Map<String, Object> storage = new HashMap<>();
        session.associate(storage);
        session.activate();
        Forkscope.run(() -> assertEquals(1, bean(SessionCart.class).add()));
        session.deactivate();
        session.dissociate(storage);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(storage);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> restored = (Map<String, Object>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();

        session.associate(restored);
        session.activate();
        try {
            Forkscope.run(() -> assertEquals(2, bean(SessionCart.class).add(), "the passivated session lost its state"));
        } finally {
            session.invalidate();
            session.deactivate();
            session.dissociate(restored);
        }
    }

    private boolean requestContextActive() {
        try {
            return bean(BeanManager.class).getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    /** The values of the thread's inheritable thread-locals, read from the JDK's own map. */
    private static List<Object> inheritedValues(Thread thread) {
        try {
            Field map = Thread.class.getDeclaredField("inheritableThreadLocals");
            map.setAccessible(true);
            Object locals = map.get(thread);
            List<Object> values = new ArrayList<>();
            if (locals == null) {
                return values;
            }
            Field table = locals.getClass().getDeclaredField("table");
            table.setAccessible(true);
            Object entries = table.get(locals);
            for (int i = 0; i < Array.getLength(entries); i++) {
                Object entry = Array.get(entries, i);
                if (entry != null) {
                    Field value = entry.getClass().getDeclaredField("value");
                    value.setAccessible(true);
                    if (value.get(entry) != null) {
                        values.add(value.get(entry));
                    }
                }
            }
            return values;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
