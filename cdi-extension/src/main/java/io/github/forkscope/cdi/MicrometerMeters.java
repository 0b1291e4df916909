package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Offers the counters of {@link ForkscopeMetrics} as Micrometer meters, tagged with the
 * application's name: in the application's {@code MeterRegistry} bean when it has one (a server's
 * Micrometer integration, or a producer of its own), else in Micrometer's global registry. The
 * meters read the counters when they are scraped; they are removed when the application stops.
 * Loaded only when Micrometer is on the application's classpath (the extension asks first), so
 * that it costs nothing otherwise. Thread-safe.
 */
final class MicrometerMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    static MicrometerMeters bind(ForkscopeMetrics metrics, String application, BeanManager beanManager) {
        Instance<MeterRegistry> beans = beanManager.createInstance().select(MeterRegistry.class);
        MicrometerMeters bound = new MicrometerMeters(beans.isResolvable() ? beans.get() : Metrics.globalRegistry);
        Tags tags = Tags.of("application", application);
        bound.counter("forkscope.contexts.opened", "contexts opened", tags, metrics, ForkscopeMetrics::getContextsOpened);
        bound.counter("forkscope.contexts.closed", "contexts closed", tags, metrics, ForkscopeMetrics::getContextsClosed);
        bound.gauge("forkscope.contexts.active", "contexts open now", tags, metrics, ForkscopeMetrics::getContextsActive);
        bound.counter("forkscope.forks.created", "forks (EntityManagers) created", tags, metrics, ForkscopeMetrics::getForksCreated);
        bound.gauge("forkscope.identity.map.largest", "the most entities one fork managed", tags, metrics,
                ForkscopeMetrics::getLargestIdentityMap);
        for (String code : metrics.guardTrips().keySet()) {
            bound.meters.add(FunctionCounter.builder("forkscope.guard.trips", metrics, m -> m.guardTrips().get(code))
                    .description("times a guard rail tripped, by code").tags(tags.and("code", code)).register(bound.registry));
        }
        return bound;
    }

    private void counter(String name, String description, Tags tags, ForkscopeMetrics metrics, ToDoubleFunction<ForkscopeMetrics> count) {
        meters.add(FunctionCounter.builder(name, metrics, count).description(description).tags(tags).register(registry));
    }

    private void gauge(String name, String description, Tags tags, ForkscopeMetrics metrics, ToDoubleFunction<ForkscopeMetrics> value) {
        meters.add(Gauge.builder(name, metrics, value).description(description).tags(tags).register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
