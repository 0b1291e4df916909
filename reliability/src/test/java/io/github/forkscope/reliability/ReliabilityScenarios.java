package io.github.forkscope.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reliability scenarios, in order, on one server and PostgreSQL: R1 load, the R2 faults, each
 * during load, and R4 with two instances. Each ends with the same checks ({@link Checks}) and fails
 * on any cross-request leak, lost or extra write, hung request, uncoded or unexpected error, and on
 * a context, connection or fork left open. The figures go to {@code <reliability.work>/results.md}.
 * A subclass names the server: it configures instance {@code a} (whose timer writes) and {@code b}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReliabilityScenarios {

    private static final String APP = "reliability";
    private static final String GLOBAL_APP = "reliability-global";

    private static final Mode MODE = Mode.fromSystemProperty();
    private final Writes writes = new Writes();
    private final int postgresPort;
    private Database database;
    private Server a;
    private Server b;
    private Results results;

    ReliabilityScenarios(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    /** Instance {@code name} of the server, configured on {@code database}, not started; {@code second}: instance b. */
    abstract Server configure(String name, boolean ticks, boolean second, Database database) throws Exception;

    @BeforeAll
    void start() throws Exception {
        results = new Results(MODE);
        database = Database.start(postgresPort);
        a = configure("a", true, false, database);
        a.start();
        a.deploy(Path.of(System.getProperty("reliability.war")));
    }

    @AfterAll
    void stop() throws Exception {
        try (Database db = database; Server first = a; Server second = b) {
            // closed in reverse order: the servers, then the database
        }
    }

    @Test
    @Order(0)
    void r0IdleAfterDeployment() throws Exception {
        Checks checks = Checks.run(a, APP, database, writes);
        finish("R0 idle after deployment", tally(Set.of()), Duration.ofSeconds(1), 0, checks, "");
    }

    @Test
    @Order(1)
    void r1MixedLoad() throws Exception {
        Tally tally = tally(Set.of());
        Duration took = new Load(a.port, writes, tally).run(MODE.load(), MODE.loadRequests(), null, new ArrayList<>());
        finish("R1 mixed load", tally, took, 0, "");
    }

    @Test
    @Order(2)
    void r2PostgresStoppedAndRestarted() throws Exception {
        Tally tally = tally(Set.of("DATABASE"));
        Duration time = MODE.fault().multipliedBy(2);
        List<String> done = new ArrayList<>();
        Load load = new Load(a.port, writes, tally);
        long[] restarted = new long[1];
        Duration took = load.run(time, Long.MAX_VALUE, running -> {
            awaitElapsed(running, time.toSeconds() / 4.0);
            database.postgres.stop();
            long stopped = System.nanoTime();
            awaitElapsed(running, time.toSeconds() / 2.0);
            database.postgres.restart();
            restarted[0] = System.nanoTime();
            return String.format("PostgreSQL down %.1f s", (restarted[0] - stopped) / 1e9);
        }, done);
        long errorsAfterRestart = tally.lastError.get() == Long.MIN_VALUE ? 0 : (tally.lastError.get() - restarted[0]) / 1_000_000;
        long end = (System.nanoTime() - restarted[0]) / 1_000_000;
        assertTrue(tally.codes().getOrDefault("DATABASE", 0L) > 0, "no request noticed the outage: " + tally.codes());
        // the pool recovered: the last error came within 10 s of the restart (a request that began to
        // wait for a connection just before it may fail up to the pool's 5 s wait later), and the load ran on after it
        assertTrue(errorsAfterRestart < 10_000 && end - errorsAfterRestart > 3_000,
                "errors went on " + errorsAfterRestart + " ms after the restart, " + end + " ms before the checks");
        finish("R2 PostgreSQL stopped and restarted", tally, took, 1,
                done.get(0) + "; last error " + errorsAfterRestart + " ms after the restart; the slowest failed request is"
                        + " the figure for failing fast");
    }

    @Test
    @Order(3)
    void r2ClientsDisconnectMidRequest() throws Exception {
        faultScenario("R2 clients disconnect mid-request", Set.of(), Operation.DISCONNECT, 10);
    }

    @Test
    @Order(4)
    void r2AsyncRequestsTimeOut() throws Exception {
        faultScenario("R2 async requests time out", Set.of("ASYNC-TIMEOUT"), Operation.ASYNC_TIMEOUT, 10);
    }

    @Test
    @Order(5)
    void r2HandlerThrowsAfterWriting() throws Exception {
        faultScenario("R2 handler throws after writing", Set.of("INJECTED"), Operation.THROW_AFTER_WRITE, 10);
    }

    @Test
    @Order(6)
    void r2TimerTickThrows() throws Exception {
        long before = Ledger.read(a, APP).rollbacks("timer");
        a.post(APP, "checks/faults?tickThrowsEvery=2");
        Tally tally = tally(Set.of());
        Duration took;
        try {
            took = new Load(a.port, writes, tally).run(MODE.fault(), Long.MAX_VALUE, null, new ArrayList<>());
        } finally {
            a.post(APP, "checks/faults?tickThrowsEvery=0");
        }
        Checks checks = Checks.run(a, APP, database, writes);
        long thrown = checks.timerRollbacks - before;
        assertTrue(thrown > 0, "no timer tick threw");
        finish("R2 timer tick throws", tally, took, thrown, checks, "every second tick threw after writing");
    }

    @Test
    @Order(7)
    void r2MessageRolledBackAndRedelivered() throws Exception {
        long before = Ledger.read(a, APP).rollbacks("message");
        Tally tally = tally(Set.of());
        Duration took = new Load(a.port, writes, tally, Operation.MESSAGE_REDELIVERED, 10)
                .run(MODE.fault(), Long.MAX_VALUE, null, new ArrayList<>());
        Checks checks = Checks.run(a, APP, database, writes);
        assertTrue(checks.messageRollbacks - before >= tally.faults.sum(), "fewer rolled-back deliveries ("
                + (checks.messageRollbacks - before) + ") than messages sent to fail first (" + tally.faults.sum() + ")");
        finish("R2 MDB message rolled back and redelivered", tally, took, tally.faults.sum(), checks,
                (checks.messageRollbacks - before) + " deliveries rolled back, each redelivered and written once");
    }

    @Test
    @Order(8)
    void r2ThreadRacesIntoFork() throws Exception {
        Tally tally = faultScenario("R2 thread races into a fork", Set.of(), Operation.RACE, 3);
        assertTrue(tally.events().getOrDefault("racers refused with FORKSCOPE-101", 0L) > 0, "no racer was refused");
    }

    @Test
    @Order(9)
    void r4TwoInstancesReadFreshWithForkscopeAndStaleWithTheEscapeHatch() throws Exception {
        b = configure("b", false, true, database);
        b.start();
        b.deploy(Path.of(System.getProperty("reliability.war")));
        assertEquals("FORKSCOPE-001", reply(b.port, APP, "two/read-outside?id=" + Database.RENAMED_ROWS).errorCode().orElse("none"),
                "a read outside any context without the escape hatch");

        Tally forkscope = tally(Set.of());
        TwoInstances fresh = new TwoInstances(url(a, APP) + "two/", url(b, APP) + "two/read", forkscope);
        Duration took = fresh.run(MODE.twoInstances());
        assertTrue(fresh.freshReads.sum() > 0, "no read answered");
        Checks checks = Checks.run(a, APP, database, writes);
        assertTrue(Checks.idle(b.counters(APP)), "instance b: " + b.counters(APP));
        finish("R4 two instances, Forkscope", forkscope, took, 0, checks, fresh.staleReads.sum(), fresh.freshReads.sum() + " fresh reads");

        // the same load, read on the global fork of the escape hatch: the check must see stale reads.
        // One deployment at a time: both would define the same message queue.
        b.undeploy(APP + ".war");
        b.deploy(globalContextWar());
        Tally hatch = tally(Set.of("FORKSCOPE-101"));
        TwoInstances stale = new TwoInstances(url(a, APP) + "two/", url(b, GLOBAL_APP) + "two/read-outside", hatch);
        took = stale.run(MODE.twoInstances());
        assertTrue(stale.staleReads.sum() > 0, "the escape hatch read no stale data, so the check cannot fail");
        results.add("R4 two instances, escape hatch on (must read stale)", hatch, took, 0, Checks.run(a, APP, database, writes),
                stale.staleReads.sum(), stale.freshReads.sum() + " fresh reads; concurrent callers of the one global fork get FORKSCOPE-101");
    }

    // the tally of a scenario on instance a
    private Tally tally(Set<String> allowed) {
        return new Tally(allowed, a.droppedTaskContexts());
    }

    private Tally faultScenario(String name, Set<String> allowed, Operation fault, int weight) throws Exception {
        Tally tally = tally(allowed);
        Duration took = new Load(a.port, writes, tally, fault, weight).run(MODE.fault(), Long.MAX_VALUE, null, new ArrayList<>());
        finish(name, tally, took, tally.faults.sum(), "");
        return tally;
    }

    private void finish(String name, Tally tally, Duration took, long faults, String notes) throws Exception {
        finish(name, tally, took, faults, Checks.run(a, APP, database, writes), notes);
    }

    private void finish(String name, Tally tally, Duration took, long faults, Checks checks, String notes) throws Exception {
        finish(name, tally, took, faults, checks, 0, notes);
    }

    private void finish(String name, Tally tally, Duration took, long faults, Checks checks, long staleReads, String notes)
            throws Exception {
        results.add(name, tally, took, faults, checks, staleReads, notes);
        String failing = "in " + name + ": errors " + tally.codes() + ", first of each " + tally.examples();
        assertEquals(0, tally.leaks.sum(), "cross-request leaks " + failing);
        assertEquals(0, tally.hung.sum(), "hung requests " + failing);
        assertEquals(0, tally.uncoded.sum(), "uncoded errors " + failing);
        assertEquals(0, tally.unexpected.sum(), "errors the scenario did not inject " + failing);
        assertEquals(0, checks.lostWrites, "lost writes in " + name + ": " + checks.lostByKind);
        assertEquals(0, checks.extraWrites, "extra writes in " + name);
        assertEquals(0, staleReads, "stale reads in " + name);
        assertTrue(Checks.idle(checks.counters), "after " + name + " the server did not settle: " + checks.counters
                + " (ContextsActive 0, InUseCount 0, OpenForks 0)");
    }

    private static void awaitElapsed(Load load, double seconds) throws InterruptedException {
        while (load.elapsed() < seconds) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static String url(Server server, String app) {
        return "http://127.0.0.1:" + server.port + "/" + app + "/api/";
    }

    private static Reply reply(int port, String app, String path) throws Exception {
        var response = Mode.HTTP.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/" + app + "/api/" + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Reply.of(response.statusCode(), response.body(), 0);
    }

    // the same WAR with the escape hatch on, through MicroProfile Config in the WAR
    private static Path globalContextWar() throws Exception {
        Path war = Path.of(System.getProperty("reliability.work")).resolve(GLOBAL_APP + ".war");
        Files.copy(Path.of(System.getProperty("reliability.war")), war, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(war, Map.of())) {
            Path config = zip.getPath("WEB-INF/classes/META-INF/microprofile-config.properties");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "forkscope.allow-global-context=true\n");
        }
        return war;
    }
}
