package io.github.forkscope.it.glassfish;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.omnifaces.arquillian.container.glassfish.CommonGlassFishManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A managed GlassFish 8 for Arquillian: the domain is started and stopped with the server's own
 * {@code asadmin}, and applications are deployed through its admin REST interface by the common
 * client of the OmniFaces GlassFish adapters. The managed adapter itself starts the domain with
 * {@code java -jar glassfish/modules/admin-cli.jar}, which GlassFish 8 no longer has (its
 * {@code asadmin} runs on a module path), so it cannot start this server. The output of
 * {@code asadmin} goes to {@code asadmin.log} beside the domain's own log. Used by one test run
 * at a time.
 */
public final class AsadminContainer implements DeployableContainer<AsadminConfiguration> {

    private static final long TIMEOUT_MINUTES = 5;

    private AsadminConfiguration configuration;
    private CommonGlassFishManager<AsadminConfiguration> manager;

    @Override
    public Class<AsadminConfiguration> getConfigurationClass() {
        return AsadminConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public void setup(AsadminConfiguration configuration) {
        this.configuration = configuration;
        this.manager = new CommonGlassFishManager<>(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        if (manager.isDASRunning()) {
            throw new LifecycleException("a GlassFish domain already answers on admin port " + configuration.getAdminPort()
                    + "; stop it first, the tests need a server of their own");
        }
        asadmin("start-domain", "domain1");
        manager.start();
    }

    @Override
    public void stop() throws LifecycleException {
        asadmin("stop-domain", "domain1");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        return manager.deploy(archive);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        manager.undeploy(archive);
    }

    private void asadmin(String... arguments) throws LifecycleException {
        List<String> command = new ArrayList<>();
        command.add(configuration.asadmin().toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        Path log = Path.of(configuration.getGlassFishHome(), "glassfish", "domains", "domain1", "logs", "asadmin.log");
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new LifecycleException(String.join(" ", command) + " did not end within " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new LifecycleException(String.join(" ", command) + " failed with exit code " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new LifecycleException("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("interrupted while running " + command, e);
        }
    }
}
