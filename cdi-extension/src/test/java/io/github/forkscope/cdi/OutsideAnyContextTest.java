package io.github.forkscope.cdi;

import io.github.forkscope.GlobalContextException;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** SPEC 2: outside any context. */
class OutsideAnyContextTest extends WeldTest {

    /** Every context-specific call of SPEC 2.1, as a user would write it, with the method it names. */
    private static Map<String, Consumer<EntityManager>> contextSpecificCalls() {
        Book detached = new Book(SEEDED_BOOK, SEEDED_TITLE);
        Map<String, Consumer<EntityManager>> calls = new LinkedHashMap<>();
        calls.put("EntityManager.find", em -> em.find(Book.class, SEEDED_BOOK));
        calls.put("EntityManager.getReference", em -> em.getReference(Book.class, SEEDED_BOOK));
        calls.put("EntityManager.persist", em -> em.persist(new Book(newId(), "new")));
        calls.put("EntityManager.merge", em -> em.merge(detached));
        calls.put("EntityManager.remove", em -> em.remove(detached));
        calls.put("EntityManager.refresh", em -> em.refresh(detached));
        calls.put("EntityManager.lock", em -> em.lock(detached, LockModeType.PESSIMISTIC_WRITE));
        calls.put("EntityManager.detach", em -> em.detach(detached));
        calls.put("EntityManager.contains", em -> em.contains(detached));
        calls.put("EntityManager.flush", EntityManager::flush);
        calls.put("EntityManager.clear", EntityManager::clear);
        calls.put("EntityManager.setFlushMode", em -> em.setFlushMode(FlushModeType.COMMIT));
        calls.put("EntityManager.getTransaction", EntityManager::getTransaction);
        calls.put("EntityManager.joinTransaction", EntityManager::joinTransaction);
        calls.put("EntityManager.unwrap", em -> em.unwrap(EntityManager.class));
        calls.put("Query.getResultList", em -> em.createQuery("select b from Book b").getResultList());
        calls.put("TypedQuery.getSingleResult", em -> em.createQuery("select b from Book b where b.id = :id", Book.class)
                .setParameter("id", SEEDED_BOOK).getSingleResult());
        calls.put("TypedQuery.getResultStream", em -> em.createNamedQuery("Book.all", Book.class).getResultStream());
        calls.put("Query.getResultList (query from EntityManager.createNativeQuery)",
                em -> em.createNativeQuery("select * from Book").getResultList());
        calls.put("TypedQuery.getResultList (query from EntityManager.createQuery)", em -> {
            CriteriaQuery<Book> query = em.getCriteriaBuilder().createQuery(Book.class);
            query.from(Book.class);
            em.createQuery(query).getResultList();
        });
        return calls;
    }

    @Test
    void everyContextSpecificCallFailsWithTheFullMessageInOrder() throws Exception {
        EntityManager em = bean(Library.class).em();
        String thread = Thread.currentThread().getName();
        for (Map.Entry<String, Consumer<EntityManager>> call : contextSpecificCalls().entrySet()) {
            GlobalContextException e = assertThrows(GlobalContextException.class, () -> call.getValue().accept(em),
                    call.getKey() + " did not fail outside a context");
            assertInstanceOf(ContextNotActiveException.class, e);
            String message = e.getMessage();
            assertTrue(message.startsWith("FORKSCOPE-001: " + call.getKey()), message);
            assertInOrder(message,
                    call.getKey(),
                    "on thread \"" + thread + "\"",
                    "No request context is active",
                    "forkscope-servlet-listener",
                    "@RequestContextual",
                    "Forkscope.run(",
                    "forkscope.allow-global-context=true",
                    "tests only");
        }
        assertEquals(SEEDED_TITLE, jdbcTitle());
        assertEquals(1, countBooks(), "a failed call still wrote to the database");
    }

    @Test
    void metadataAndBulkWritesAreAllowedOutsideAContext() throws Exception {
        EntityManager em = bean(Library.class).em();
        assertSame(unit("main").factory(), em.getEntityManagerFactory());
        assertNotNull(em.getCriteriaBuilder());
        assertNotNull(em.getMetamodel().entity(Book.class));
        assertTrue(em.isOpen());

        long id = newId();
        int inserted = em.createNativeQuery("insert into Book (id, title) values (?, ?)")
                .setParameter(1, id)
                .setParameter(2, "native insert")
                .executeUpdate();
        assertEquals(1, inserted);
        assertEquals("native insert", WeldTest.jdbcTitle(id), "the native insert is not in the database");

        int renamed = em.createQuery("update Book b set b.title = :title where b.id = :id")
                .setParameter("title", "bulk update")
                .setParameter("id", SEEDED_BOOK)
                .executeUpdate();
        assertEquals(1, renamed);
        assertEquals("bulk update", jdbcTitle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void aQueryCreatedOutsideAContextAnswersItsGettersFromWhatItRecorded(String unit) {
        jakarta.persistence.TypedQuery<Book> query = em(unit)
                .createQuery("select b from Book b where b.title = :title", Book.class)
                .setParameter("title", SEEDED_TITLE)
                .setMaxResults(7)
                .setFirstResult(2)
                .setHint("jakarta.persistence.query.timeout", 5000);
        assertEquals(1, query.getParameters().size());
        assertEquals("title", query.getParameter("title").getName());
        assertEquals(SEEDED_TITLE, query.getParameterValue("title"));
        assertTrue(query.isBound(query.getParameter("title")));
        assertEquals(7, query.getMaxResults());
        assertEquals(2, query.getFirstResult());
        assertEquals(5000, ((Number) query.getHints().get("jakarta.persistence.query.timeout")).intValue());
        GlobalContextException e = assertThrows(GlobalContextException.class, query::getResultList);
        assertTrue(e.getMessage().startsWith("FORKSCOPE-001: TypedQuery.getResultList (query from "
                + "EntityManager.createQuery) was called"), e.getMessage());
    }

    /** SPEC 2.3 with the escape hatch on: bulk writes still run in a transaction of their own, reads on the global fork. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "eclipselink"})
    void withTheEscapeHatchOnABulkWriteOutsideAContextStillCommitsOnAResourceLocalUnit(String unit) throws Exception {
        Settings hatch = new Settings(Map.of(io.github.forkscope.ForkscopeConfig.ALLOW_GLOBAL_CONTEXT, "true")::get);
        try (org.jboss.weld.environment.se.WeldContainer global = new org.jboss.weld.environment.se.Weld()
                .disableDiscovery().containerId("escape-hatch").addExtension(new ForkscopeExtension(hatch)).initialize()) {
            String url = unit.equals("main") ? MAIN_URL : ECLIPSELINK_URL;
            seed(); // its own units dropped and created the tables again
            EntityManager em = global.select(EntityManager.class, io.github.forkscope.Unit.Literal.of(unit)).get();
            int renamed = em.createQuery("update Book b set b.title = :title where b.id = :id")
                    .setParameter("title", "bulk with the hatch on")
                    .setParameter("id", SEEDED_BOOK)
                    .executeUpdate();
            assertEquals(1, renamed);
            assertEquals("bulk with the hatch on", GuardRailsTest.jdbcTitle(url, SEEDED_BOOK));
            List<Book> read = em.createQuery("select b from Book b where b.id = :id", Book.class)
                    .setParameter("id", SEEDED_BOOK).getResultList();
            assertEquals("bulk with the hatch on", read.get(0).getTitle(), "the read went to the global fork");
            assertSame(read.get(0), em.find(Book.class, SEEDED_BOOK), "the query's entity is the global fork's");
        }
    }

    @Test
    void aFailingBulkWriteLeavesNothingBehind() throws Exception {
        EntityManager em = bean(Library.class).em();
        assertThrows(RuntimeException.class, () -> em.createNativeQuery(
                "insert into Book (id, title) values (" + SEEDED_BOOK + ", 'duplicate')").executeUpdate());
        assertEquals(SEEDED_TITLE, jdbcTitle());
    }

    @Test
    void closingTheContextualEntityManagerIsRefusedWithTheFix() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bean(Library.class).em().close());
        assertTrue(e.getMessage().startsWith("FORKSCOPE-006: "), e.getMessage());
        assertTrue(e.getMessage().contains("remove the close() call"), e.getMessage());
    }

    @Test
    void withoutTheEscapeHatchTheGlobalCallFailsInAFreshJvm() throws Exception {
        ProbeRun run = probe(Map.of(), List.of());
        assertEquals("FORKSCOPE-001", run.result());
    }

    @Test
    void theSystemPropertyOpensTheGlobalContextAndWarnsOnce() throws Exception {
        ProbeRun run = probe(Map.of(), List.of("-Dforkscope.allow-global-context=true"));
        assertEquals("persisted, same instance: true", run.result());
        assertEquals(1, run.count("FORKSCOPE-002"), run.stderr);
    }

    @Test
    void theEnvironmentVariableOpensTheGlobalContextAndAcceptsOne() throws Exception {
        ProbeRun run = probe(Map.of("FORKSCOPE_ALLOW_GLOBAL_CONTEXT", "1"), List.of());
        assertEquals("persisted, same instance: true", run.result());
        assertEquals(1, run.count("FORKSCOPE-002"), run.stderr);
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseFailsTheDeployment() throws Exception {
        ProbeRun run = probe(Map.of("FORKSCOPE_ALLOW_GLOBAL_CONTEXT", "yes"), List.of());
        assertTrue(run.result().startsWith("deployment failed"), run.result());
        assertTrue(run.result().contains("FORKSCOPE-009"), run.result());
        assertTrue(run.result().contains("forkscope.allow-global-context"), run.result());
    }

    private static String jdbcTitle() throws java.sql.SQLException {
        return WeldTest.jdbcTitle(SEEDED_BOOK);
    }

    private static long countBooks() {
        try {
            return jdbcCount(MAIN_URL, "Book");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            if (at < 0) {
                fail("'" + part + "' missing, or out of order, in: " + text);
            }
            from = at + part.length();
        }
    }

    private record ProbeRun(String stdout, String stderr) {
        String result() {
            Matcher m = Pattern.compile("^RESULT (.*)$", Pattern.MULTILINE).matcher(stdout);
            assertTrue(m.find(), "no RESULT line; stdout: " + stdout + "\nstderr: " + stderr);
            return m.group(1);
        }

        int count(String code) {
            return stderr.split(Pattern.quote(code), -1).length - 1;
        }
    }

    private static ProbeRun probe(Map<String, String> environment, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GlobalContextProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("FORKSCOPE_ALLOW_GLOBAL_CONTEXT");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread drain = new Thread(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        drain.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not end");
        assertFalse(process.isAlive());
        return new ProbeRun(stdout, stderr.get(30, TimeUnit.SECONDS));
    }
}
