package io.github.forkscope.junit5;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Weld SE container started for the tests of a run that found none, with bean discovery of the
 * test classpath, and shut down when the run ends. Loaded only when it is needed, so Weld stays an
 * optional dependency. Started and closed by JUnit on one thread.
 */
final class WeldForTests implements ExtensionContext.Store.CloseableResource {

    private final WeldContainer container = new Weld().initialize();

    @Override
    public void close() {
        container.shutdown();
    }
}
