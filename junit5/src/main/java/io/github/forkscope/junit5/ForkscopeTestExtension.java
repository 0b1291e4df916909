package io.github.forkscope.junit5;

import io.github.forkscope.spi.ForkscopeRuntime;
import io.github.forkscope.spi.OpenContext;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;

/**
 * The JUnit 5 extension behind {@link ForkscopeTest}: finds or starts the CDI container, injects
 * the test instance, opens a context for each test method before its {@code @BeforeEach} methods
 * and closes it after its {@code @AfterEach} methods, with the {@link Rollback} transaction and the
 * {@link FailOnGuardTrips} check around it, and resolves {@link TestContext} parameters. A test
 * method's set-up, body and tear-down must run on one thread, as JUnit runs them unless a
 * {@code @Timeout} asks for a thread of its own. Stateless; what a test holds is in JUnit's store.
 *
 * <pre>{@code
 * @ExtendWith(ForkscopeTestExtension.class) // what @ForkscopeTest declares
 * class BooksTest { ... }
 * }</pre>
 */
public final class ForkscopeTestExtension
        implements TestInstancePostProcessor, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ForkscopeTestExtension.class);

    /** Creates the extension; JUnit does, for {@link ForkscopeTest}. */
    public ForkscopeTestExtension() {
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (Arquillian.of(context) != Arquillian.ABSENT) {
            return; // Arquillian injects the instance in the server, and its client has no container
        }
        BeanManager beanManager = container(context).getBeanManager();
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) testInstance.getClass();
        InjectionTarget<Object> target = beanManager.getInjectionTargetFactory(beanManager.createAnnotatedType(type))
                .createInjectionTarget(null);
        target.inject(testInstance, beanManager.createCreationalContext(null));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (Arquillian.of(context) == Arquillian.CLIENT) {
            return;
        }
        container(context);
        ForkscopeRuntime runtime = runtime();
        boolean checkTrips = annotated(context, FailOnGuardTrips.class);
        GuardTrips before = checkTrips ? new GuardTrips(runtime.metrics()) : null;
        WarningCapture warnings = checkTrips ? WarningCapture.start() : null;
        OpenContext open = runtime.openContext("test " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + "()");
        try {
            TestTransaction transaction = annotated(context, Rollback.class) ? TestTransaction.begin(runtime) : null;
            context.getStore(NAMESPACE).put(TestRun.class, new TestRun(open, transaction, before, warnings));
        } catch (Exception | Error e) {
            open.close();
            if (warnings != null) {
                warnings.close();
            }
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestRun run = context.getStore(NAMESPACE).remove(TestRun.class, TestRun.class);
        if (run == null) {
            return;
        }
        try (WarningCapture warnings = run.warnings()) {
            try {
                if (run.transaction() != null) {
                    run.transaction().rollback();
                }
            } finally {
                run.open().close();
            }
            if (run.before() != null) {
                Map<String, Long> tripped = new GuardTrips(runtime().metrics()).since(run.before());
                if (!tripped.isEmpty()) {
                    String warned = String.join("\n  ", warnings.messages());
                    throw new AssertionError("guard rails tripped during the test: " + tripped
                            + (warned.isEmpty() ? "" : "\n  " + warned));
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (Arquillian.of(context) == Arquillian.CLIENT) {
            // JUnit resolves the arguments before Arquillian forwards the call; the server resolves its own
            return (TestContext) () -> {
                throw new IllegalStateException("the test method runs in the server; this is Arquillian's client");
            };
        }
        TestRun run = context.getStore(NAMESPACE).get(TestRun.class, TestRun.class);
        if (run == null) {
            throw new IllegalStateException("a TestContext is available to test methods only, not to constructors or @BeforeAll methods");
        }
        return (TestContext) () -> run.open().context().forks();
    }

    /** On the method, its class, or a class a {@code @Nested} class is nested in, as JUnit's own extensions are. */
    private static boolean annotated(ExtensionContext context, Class<? extends Annotation> annotation) {
        if (AnnotationSupport.isAnnotated(context.getTestMethod(), annotation)) {
            return true;
        }
        for (Class<?> type = context.getTestClass().orElse(null); type != null;
             type = AnnotationSupport.isAnnotated(type, Nested.class) ? type.getEnclosingClass() : null) {
            if (AnnotationSupport.isAnnotated(type, annotation)) {
                return true;
            }
        }
        return false;
    }

    /** The running CDI container; Weld SE, started once for the whole test run, when there is none. */
    private static CDI<Object> container(ExtensionContext context) {
        try {
            return CDI.current();
        } catch (IllegalStateException none) {
            try {
                context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(WeldForTests.class, type -> new WeldForTests());
            } catch (NoClassDefFoundError noWeld) {
                throw new IllegalStateException("FORKSCOPE-019: a @ForkscopeTest runs with no CDI container, and Weld SE "
                        + "is not on the test classpath to start one. Add org.jboss.weld.se:weld-se-core (test scope), "
                        + "or start a container before the test (a static @BeforeAll method, weld-junit5's @EnableWeld "
                        + "declared before @ForkscopeTest, Arquillian).", noWeld);
            }
            return CDI.current();
        }
    }

    private static ForkscopeRuntime runtime() {
        ForkscopeRuntime registered = RuntimeRegistry.current();
        return registered != null ? registered : CDI.current().select(ForkscopeRuntime.class).get();
    }

    /**
     * Where Arquillian's JUnit 5 extension runs the test class: not at all, or on its client, which
     * only forwards each method to the server and has no CDI container, or inside the server, where
     * its JUnit run sets the configuration parameter {@code insideArquillian}. Matched by name, so
     * the extension needs no Arquillian on the classpath.
     */
    private enum Arquillian {
        ABSENT, CLIENT, SERVER;

        static Arquillian of(ExtensionContext context) {
            boolean extended = AnnotationSupport.findRepeatableAnnotations(context.getRequiredTestClass(), ExtendWith.class)
                    .stream().flatMap(extendWith -> Arrays.stream(extendWith.value()))
                    .anyMatch(extension -> extension.getName().equals("org.jboss.arquillian.junit5.ArquillianExtension"));
            if (!extended) {
                return ABSENT;
            }
            return context.getConfigurationParameter("insideArquillian").map(Boolean::parseBoolean).orElse(false)
                    ? SERVER : CLIENT;
        }
    }

    /** What one test method holds between its set-up and its tear-down. */
    private record TestRun(OpenContext open, TestTransaction transaction, GuardTrips before, WarningCapture warnings) {
    }
}
