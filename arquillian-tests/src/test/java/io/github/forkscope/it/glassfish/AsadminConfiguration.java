package io.github.forkscope.it.glassfish;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.omnifaces.arquillian.container.glassfish.CommonGlassFishConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code glassfish} container of arquillian.xml: where GlassFish is unpacked, plus the admin
 * connection settings that the common GlassFish client reads (admin port 4848 by default).
 * Written once by Arquillian, then read only.
 */
public class AsadminConfiguration extends CommonGlassFishConfiguration {

    private String glassFishHome;

    public String getGlassFishHome() {
        return glassFishHome;
    }

    public void setGlassFishHome(String glassFishHome) {
        this.glassFishHome = glassFishHome;
    }

    Path asadmin() {
        return Path.of(glassFishHome, "bin", "asadmin");
    }

    @Override
    public void validate() throws ConfigurationException {
        super.validate();
        if (glassFishHome == null || !Files.isExecutable(asadmin())) {
            throw new ConfigurationException("glassFishHome must name an unpacked GlassFish with bin/asadmin, not " + glassFishHome);
        }
    }
}
