package io.github.forkscope.reliability.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import javax.management.AttributeNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * What the checks read inside the server: Forkscope's own metrics MBean and, on WildFly, the
 * datasource's pool statistics from its management model, both on the platform MBean server
 * (GlassFish and Payara register no such MBean: the harness reads their pool over the admin port);
 * the forks still open;
 * and the ledger of timer and message writes. Also switches the in-server faults. Touches
 * no {@code EntityManager}, so that reading the counters changes none of them. Stateless, thread-safe.
 */
@Path("checks")
@Produces(MediaType.TEXT_PLAIN)
public class ChecksResource {

    private static final String DATASOURCE = "jboss.as:subsystem=datasources,data-source=ReliabilityDS,statistics=pool";

    @Inject
    Ledger ledger;
    @Inject
    Faults faults;
    @Inject
    OpenForks openForks;

    /** {@code app}: the deployment's name without {@code .war}, which names its MBean and its unit. */
    @GET
    public String counters(@QueryParam("app") String app) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName forkscope = new ObjectName("io.github.forkscope:type=Forkscope,name=" + app);
        StringBuilder text = new StringBuilder();
        // the servlet listener opened a context for this request too, and ContextsActive counts every
        // open context, used or not: the request's own is not one the load left behind
        long others = (Long) server.getAttribute(forkscope, "ContextsActive") - 1;
        text.append("ContextsActive ").append(others).append('\n');
        for (String name : new String[]{"ContextsOpened", "ForksCreated", "GlobalContextViolations",
                "ConcurrentUseTrips", "UseAfterCloseTrips", "DiscardedChangesWarnings"}) {
            text.append(name).append(' ').append(server.getAttribute(forkscope, name)).append('\n');
        }
        ObjectName pool = new ObjectName(DATASOURCE);
        if (server.isRegistered(pool)) {
            text.append("InUseCount ").append(attribute(server, pool, "in-use-count")).append('\n');
        }
        text.append("OpenForks ").append(openForks.open()).append('\n');
        return text.toString();
    }

    // WildFly's management model names attributes in several styles (InUseCount, in-use-count);
    // its MBeans rename them: match without case and dashes
    private static Object attribute(MBeanServer server, ObjectName name, String attribute) throws JMException {
        String wanted = attribute.replace("-", "");
        for (MBeanAttributeInfo info : server.getMBeanInfo(name).getAttributes()) {
            if (info.getName().replace("-", "").equalsIgnoreCase(wanted)) {
                return server.getAttribute(name, info.getName());
            }
        }
        throw new AttributeNotFoundException(attribute + " on " + name);
    }

    @GET
    @Path("ledger")
    public String ledger() {
        return ledger.report();
    }

    @POST
    @Path("faults")
    public String faults(@QueryParam("tickThrowsEvery") int every) {
        faults.tickThrowsEvery(every);
        return "tickThrowsEvery " + every + "\n";
    }
}
