package io.github.forkscope.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.lang.management.ManagementFactory;

/**
 * The server's own count of the default datasource's connections that are checked out: WildFly's
 * {@code InUseCount} of ExampleDS, Payara's and GlassFish's {@code numconnused} of H2Pool, Open
 * Liberty's managed connections less the free ones (its {@code monitor-1.0} feature, which the
 * test server enables). The first two counters are off by default. WildFly reads its count off the pool, so it is turned on at the first reading (a
 * management write while the application deploys would wait for the deployment to finish). Payara
 * counts connections as they are taken and given back, so its count is turned on when the
 * application starts, before any request holds a connection that it would later see returned.
 */
@ApplicationScoped
public class DefaultDataSourcePool {

    private static final String WILDFLY = "jboss.as:subsystem=datasources,data-source=ExampleDS";
    private static final String PAYARA_LEVELS =
            "amx:pp=/domain/configs/config[server-config]/monitoring-service,type=module-monitoring-levels";
    private static final String PAYARA_POOL = "amx:pp=/mon/server-mon[server],type=jdbc-connection-pool-mon,name=resources/H2Pool";
    private static final String LIBERTY_POOL = "WebSphere:type=ConnectionPoolStats,name=jdbc/forkscope";

    void countFromTheStart(@Observes @Initialized(ApplicationScoped.class) Object started) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName bootAmx = new ObjectName("amx-support:type=boot-amx");
        if (server.isRegistered(bootAmx)) {
            // Payara registers its configuration and monitoring MBeans only once AMX has booted
            server.invoke(bootAmx, "bootAMX", null, null);
            server.setAttribute(new ObjectName(PAYARA_LEVELS), new Attribute("JdbcConnectionPool", "HIGH"));
        }
    }

    /** The connections of the default datasource checked out right now; -1 on a server this does not know. */
    static long inUse() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName wildfly = new ObjectName(WILDFLY);
        if (server.isRegistered(wildfly)) {
            if (!Boolean.TRUE.equals(server.getAttribute(wildfly, "statisticsEnabled"))) {
                server.setAttribute(wildfly, new Attribute("statisticsEnabled", true));
            }
            return ((Number) server.getAttribute(new ObjectName(WILDFLY + ",statistics=pool"), "InUseCount")).longValue();
        }
        ObjectName payara = new ObjectName(PAYARA_POOL);
        if (server.isRegistered(payara)) {
            return (Long) ((CompositeData) server.getAttribute(payara, "numconnused")).get("current");
        }
        ObjectName liberty = new ObjectName(LIBERTY_POOL);
        if (server.isRegistered(liberty)) {
            return ((Number) server.getAttribute(liberty, "ManagedConnectionCount")).longValue()
                    - ((Number) server.getAttribute(liberty, "FreeConnectionCount")).longValue();
        }
        return -1;
    }
}
