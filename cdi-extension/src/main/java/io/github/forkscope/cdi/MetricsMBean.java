package io.github.forkscope.cdi;

import io.github.forkscope.ForkscopeMetrics;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.naming.InitialContext;
import java.lang.management.ManagementFactory;
import java.util.Objects;

/**
 * Publishes the metrics on the platform MBean server as
 * {@code io.github.forkscope:type=Forkscope,name=<application>}, with the getters of
 * {@link ForkscopeMetrics} as its attributes. The name is the application's name where the server
 * tells it ({@code java:app/AppName}), else {@code application}; {@code -2}, {@code -3}… is added
 * when the name is taken, as with two containers in one JVM. It is quoted only when it holds a
 * character that JMX reserves ({@code , = : " * ?}). Registered at deployment, unregistered at shutdown.
 */
final class MetricsMBean {

    private static final System.Logger LOG = System.getLogger(MetricsMBean.class.getName());
    static final String DOMAIN = "io.github.forkscope";

    private final MBeanServer server;
    private final ObjectName name;
    private final String application;

    private MetricsMBean(MBeanServer server, ObjectName name, String application) {
        this.server = Objects.requireNonNull(server, "server");
        this.name = Objects.requireNonNull(name, "name");
        this.application = Objects.requireNonNull(application, "application");
    }

    /** The application's name as the MBean carries it, with the suffix that made it unique. */
    String application() {
        return application;
    }

    /** Registers the metrics; returns null, after a warning, when JMX refuses them. */
    static MetricsMBean register(Metrics metrics) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String application = applicationName();
        for (int attempt = 1; attempt < 100; attempt++) {
            String candidate = attempt == 1 ? application : application + "-" + attempt;
            try {
                ObjectName name = new ObjectName(DOMAIN + ":type=Forkscope,name=" + value(candidate));
                if (!server.isRegistered(name)) {
                    server.registerMBean(new StandardMBean(metrics, ForkscopeMetrics.class), name);
                    return new MetricsMBean(server, name, candidate);
                }
            } catch (JMException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, Messages.jmxFailed(candidate), e);
                return null;
            }
        }
        LOG.log(System.Logger.Level.WARNING, Messages.jmxFailed(application));
        return null;
    }

    void unregister() {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.log(System.Logger.Level.DEBUG, "metrics MBean already gone: " + name, e);
        }
    }

    /** The name as it is, quoted only when it holds a character that JMX reserves in a key value. */
    static String value(String name) {
        return name.isEmpty() || name.chars().anyMatch(c -> ",=:\"*?\n".indexOf(c) >= 0) ? ObjectName.quote(name) : name;
    }

    static String applicationName() {
        try {
            return (String) new InitialContext().lookup("java:app/AppName");
        } catch (javax.naming.NamingException | RuntimeException e) {
            return "application";
        }
    }
}
