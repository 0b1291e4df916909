package io.github.forkscope.cdi;

import io.github.forkscope.Unit;
import io.github.forkscope.spi.RuntimeRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessProducerField;
import jakarta.enterprise.inject.spi.ProcessProducerMethod;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wires Forkscope into the CDI container: adds its internal beans and interceptors, binds the
 * transaction-boundary interceptor where transactions begin, registers one
 * contextual {@code EntityManager} bean per persistence unit ({@code @Default} for the default
 * unit, {@code @Unit("name")} for each, beside the platform's as {@link EntityManagerBeans} says), checks at deployment that every injection point names a
 * unit that exists, starts the units, and closes everything at shutdown. The behaviour lives in
 * the beans it adds; registered through {@code META-INF/services}, so applications declare
 * nothing. Its observer methods run on the container's deployment thread; {@link #units()} is
 * safe to read from any thread once the deployment is validated.
 */
public class ForkscopeExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(ForkscopeExtension.class.getName());
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    /** Type annotations under which the container may begin a transaction around application code. */
    private static final Set<String> TRANSACTION_BOUNDARIES = Set.of(TRANSACTIONAL, "jakarta.ejb.Stateless",
            "jakarta.ejb.Stateful", "jakarta.ejb.Singleton", "jakarta.ejb.MessageDriven");

    /** Unit names that injection points ask for, each with the injection points that ask. */
    private final Map<String, List<String>> requestedUnits = new HashMap<>();
    private final EntityManagerBeans entityManagerBeans = new EntityManagerBeans();
    private boolean defaultRequested;
    private List<UnitDescriptor> descriptors = List.of();
    private String defaultName;
    private volatile Units units;
    private volatile Guards guards;
    private final Metrics metrics = new Metrics();
    /** Whether the application has Micrometer, asked without loading any of its types. */
    private static final boolean MICROMETER = OptionalTypes.find("io.micrometer.core.instrument.MeterRegistry") != null;

    private MetricsMBean mbean;
    private MicrometerMeters meters;
    private RuntimeBean runtime;
    private boolean released;
    private final Settings settings;

    /** The extension as the container's service loader creates it: configuration from the environment. */
    public ForkscopeExtension() {
        this(null);
    }

    /** @param settings the configuration to use, or null to read it from the environment at deployment */
    ForkscopeExtension(Settings settings) {
        this.settings = settings;
    }
    private volatile Map<String, EntityManager> entityManagers = Map.of();

    void addInternalBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : List.of(RequestScopedContexts.class, Contexts.class, RuntimeBean.class,
                RequestContextualInterceptor.class, TransactionBoundaryInterceptor.class)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(type), "forkscope." + type.getSimpleName());
        }
        descriptors = PersistenceXml.read(classLoader());
        for (UnitDescriptor descriptor : descriptors) {
            var factory = event.addAnnotatedType(ContainerFactory.class, "forkscope.factory." + descriptor.name())
                    .add(Unit.Literal.of(descriptor.name()));
            factory.filterFields(field -> field.getJavaMember().getName().equals("factory"))
                    .forEach(field -> field.add(new ContainerFactory.Literal(descriptor.name())));
        }
    }

    /**
     * Marks where a transaction may begin around application code, for {@link TransactionBoundaryInterceptor}.
     * Annotations are matched by name: neither the transaction API nor the EJB API need be there in Java SE.
     */
    <T> void bindTransactionBoundaries(@Observes ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        if (type.getAnnotations().stream().anyMatch(a -> TRANSACTION_BOUNDARIES.contains(a.annotationType().getName()))) {
            event.configureAnnotatedType().add(TransactionBoundary.Literal.INSTANCE);
        } else if (type.getMethods().stream().anyMatch(ForkscopeExtension::transactional)) {
            event.configureAnnotatedType().filterMethods(ForkscopeExtension::transactional)
                    .forEach(method -> method.add(TransactionBoundary.Literal.INSTANCE));
        }
    }

    private static boolean transactional(AnnotatedMethod<?> method) {
        return method.getAnnotations().stream().anyMatch(a -> a.annotationType().getName().equals(TRANSACTIONAL));
    }

    void collectInjectionPoints(@Observes ProcessInjectionPoint<?, EntityManager> event) {
        InjectionPoint point = event.getInjectionPoint();
        Unit unit = qualifier(point.getQualifiers());
        if (unit != null) {
            java.lang.reflect.Member member = point.getMember();
            requestedUnits.computeIfAbsent(unit.value(), name -> new ArrayList<>())
                    .add(member.getDeclaringClass().getName() + "." + member.getName());
        } else if (isDefault(point.getQualifiers())) {
            defaultRequested = true;
        }
    }

    <T, X> void noteProducer(@Observes ProcessProducerMethod<T, X> event) {
        entityManagerBeans.producer(event.getBean(), event.getAnnotatedProducerMethod().getJavaMember());
    }

    <T, X> void noteProducer(@Observes ProcessProducerField<T, X> event) {
        entityManagerBeans.producer(event.getBean(), event.getAnnotatedProducerField().getJavaMember());
    }

    void registerEntityManagers(@Observes AfterBeanDiscovery event) {
        List<String> names = descriptors.stream().map(UnitDescriptor::name).toList();
        if (names.isEmpty()) {
            if (defaultRequested || !requestedUnits.isEmpty()) {
                event.addDefinitionError(Messages.noUnits());
            }
            return;
        }
        requestedUnits.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(name ->
                event.addDefinitionError(Messages.unknownUnit(name, names, requestedUnits.get(name))));
        defaultName = chooseDefault(event, names);
        entityManagerBeans.conflicts(defaultName).forEach(event::addDefinitionError);
        for (UnitDescriptor descriptor : descriptors) {
            String name = descriptor.name();
            List<Annotation> qualifiers = new ArrayList<>(List.of(Unit.Literal.of(name), Any.Literal.INSTANCE));
            if (name.equals(defaultName)) {
                qualifiers.add(Default.Literal.INSTANCE);
            }
            event.addBean()
                    .types(EntityManager.class, Object.class)
                    .qualifiers(qualifiers.toArray(Annotation[]::new))
                    .scope(Dependent.class)
                    .alternative(true)
                    .priority(EntityManagerBeans.PRIORITY)
                    .id(EntityManagerBeans.id(name))
                    .createWith(context -> entityManager(name));
        }
    }

    private String chooseDefault(AfterBeanDiscovery event, List<String> names) {
        List<String> marked = new ArrayList<>();
        for (UnitDescriptor descriptor : descriptors) {
            try {
                if (descriptor.markedDefault()) {
                    marked.add(descriptor.name());
                }
            } catch (IllegalArgumentException e) {
                event.addDefinitionError(e);
            }
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        if (marked.size() > 1) {
            event.addDefinitionError(Messages.severalDefaultUnits(marked));
        } else if (marked.isEmpty() && defaultRequested) {
            event.addDefinitionError(Messages.noDefaultUnit(names));
        }
        return marked.size() == 1 ? marked.get(0) : null;
    }

    void startUnits(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        try {
            Settings settings = this.settings != null ? this.settings : Settings.fromEnvironment();
            Guards guards = new Guards(settings, metrics);
            List<ManagedUnit> started = containerUnits(beanManager);
            if (started == null) {
                started = new SeBootstrap(settings).start(descriptors);
            }
            units = new Units(started, defaultName);
            this.guards = guards.start(started);
            Contexts contexts = reference(beanManager, Contexts.class);
            Map<String, EntityManager> created = new LinkedHashMap<>();
            for (ManagedUnit unit : started) {
                created.put(unit.name(), new ContextualEntityManager(unit, contexts, guards.global));
            }
            mbean = MetricsMBean.register(metrics);
            if (MICROMETER) {
                meters = MicrometerMeters.bind(metrics, mbean != null ? mbean.application() : MetricsMBean.applicationName(), beanManager);
            }
            runtime = reference(beanManager, RuntimeBean.class);
            RuntimeRegistry.register(runtime);
            entityManagers = created;
            if (!started.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, Messages.unitsStarted(entityManagers.keySet(), defaultName));
            }
            String resolution = defaultName == null ? null : EntityManagerBeans.resolution(beanManager, defaultName);
            if (resolution != null) {
                LOG.log(System.Logger.Level.INFO, resolution);
            }
        } catch (RuntimeException e) {
            // Weld SE discards a container whose deployment failed without BeforeShutdown
            release();
            event.addDeploymentProblem(e);
        }
    }

    void closeUnits(@Observes BeforeShutdown event) {
        release();
    }

    /** Unregisters and closes what was started, once: the runtime, the MBean, the global context, the units. */
    private void release() {
        if (released) {
            return;
        }
        released = true;
        if (runtime != null) {
            runtime.stop();
            RuntimeRegistry.unregister(runtime);
        }
        if (mbean != null) {
            mbean.unregister();
        }
        if (meters != null) {
            meters.close();
        }
        if (guards != null) {
            guards.global.close();
        }
        if (units != null) {
            for (ManagedUnit unit : units.all()) {
                try {
                    unit.close();
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, Messages.unitCloseFailed(unit.name()), e);
                }
            }
        }
    }

    /**
     * The units with the container's factories: injected where the server honours the
     * {@code @PersistenceUnit} put on {@link ContainerFactory}, otherwise found through JNDI on first
     * use. Null in Java SE, where there is no naming service and Forkscope starts the units itself.
     */
    private List<ManagedUnit> containerUnits(BeanManager beanManager) {
        List<ManagedUnit> units = new ArrayList<>();
        boolean inServer = JndiFactory.namingAvailable();
        for (UnitDescriptor descriptor : descriptors) {
            var bean = beanManager.resolve(beanManager.getBeans(ContainerFactory.class, Unit.Literal.of(descriptor.name())));
            EntityManagerFactory injected = ((ContainerFactory) beanManager.getReference(bean, ContainerFactory.class,
                    beanManager.createCreationalContext(bean))).factory;
            if (injected == null && !inServer) {
                return null;
            }
            Supplier<EntityManagerFactory> factory = injected != null ? () -> injected : new JndiFactory(descriptor.name()).resolve();
            Jta jta = descriptor.resourceLocal(true) ? null : new Jta(descriptor.name()).resolve();
            units.add(new ManagedUnit(descriptor.name(), units.size(), factory, jta, null, false));
        }
        return units;
    }

    Units units() {
        return units;
    }

    Guards guards() {
        return guards;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The contextual EntityManager of a unit: the one applications inject. */
    EntityManager entityManager(String unit) {
        return entityManagers.get(unit);
    }

    private static <T> T reference(BeanManager beanManager, Class<T> type) {
        var bean = beanManager.resolve(beanManager.getBeans(type));
        return type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean)));
    }

    private static Unit qualifier(Set<Annotation> qualifiers) {
        for (Annotation qualifier : qualifiers) {
            if (qualifier instanceof Unit unit) {
                return unit;
            }
        }
        return null;
    }

    private static boolean isDefault(Set<Annotation> qualifiers) {
        return qualifiers.stream().allMatch(q -> q instanceof Default || q instanceof Any);
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ForkscopeExtension.class.getClassLoader();
    }
}
