package io.github.forkscope.it.glassfish;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link AsadminContainer}. Only the GlassFish test run names this extension, through a
 * service file on its own classpath (src/test/servers/glassfish), so the other servers' runs keep
 * their one container.
 */
public final class AsadminExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, AsadminContainer.class);
    }
}
