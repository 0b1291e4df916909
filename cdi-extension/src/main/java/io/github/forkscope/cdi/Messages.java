package io.github.forkscope.cdi;

import io.github.forkscope.ConcurrentForkUseException;
import io.github.forkscope.GlobalContextException;

import java.util.Collection;
import java.util.List;

/**
 * Every error and warning Forkscope reports, each with its stable {@code FORKSCOPE-nnn} code, so
 * that the README's troubleshooting table and the code cannot drift apart: errors as the
 * exception to throw ({@code throw Messages.useAfterClose(...)}), warnings as the text to log.
 * Stateless and thread-safe.
 */
final class Messages {

    private Messages() {
    }

    /** @param unfollowed what the calling thread is when contexts do not follow work to it, else null */
    static GlobalContextException globalContext(String method, Thread thread, String unfollowed) {
        String cause = unfollowed == null ? "" : "This thread is " + unfollowed + ": a context stays on the thread that "
                + "opened it and follows work only to tasks of a ManagedExecutorService or ContextService, not to "
                + "threads like this one. Fix it where the work is handed over: load what the workers need on the "
                + "context's own thread and pass them the results (ids or copies, never managed entities), or give "
                + "each task a context of its own (@RequestContextual on the method it calls, or Forkscope.run "
                + "around its body).\nOther fixes, for code that runs outside any unit of work:\n";
        return CallSiteWarnings.once(new GlobalContextException("FORKSCOPE-001: " + method + " was called on thread \"" + thread.getName()
                + "\" outside any Forkscope context. No request context is active on this thread, so there is "
                + "no fork (per-unit-of-work EntityManager) to run it on.\n"
                + (cause.isEmpty() ? "Fix it in one of these ways:\n" : cause)
                + "  - HTTP requests: put forkscope-servlet-listener in WEB-INF/lib; it opens a context for every request.\n"
                + "  - Timers, message consumers, executor tasks, startup code: annotate the entry point with "
                + "@RequestContextual.\n"
                + "  - Any other code: wrap it in Forkscope.run(() -> ...) or Forkscope.call(() -> ...).\n"
                + "Escape hatch: forkscope.allow-global-context=true (environment: FORKSCOPE_ALLOW_GLOBAL_CONTEXT=true) "
                + "sends such calls to one global EntityManager shared by the whole application. Use it in tests "
                + "only: in production that shared persistence context grows without bound, serves stale data and "
                + "lets one caller's unflushed changes be flushed by another."));
    }

    static String globalContextInUse(String unit) {
        return "FORKSCOPE-002: forkscope.allow-global-context is on: calls outside any context now share one global "
                + "EntityManager of unit '" + unit + "'. This is meant for tests; in production, open a context "
                + "(servlet listener, @RequestContextual, Forkscope.run) instead.";
    }

    static IllegalArgumentException unknownUnit(String name, Collection<String> known) {
        return unknownUnit(name, known, List.of());
    }

    /** @param points the injection points that name the unit, such as {@code com.example.Books.em}; may be empty */
    static IllegalArgumentException unknownUnit(String name, Collection<String> known, Collection<String> points) {
        return new IllegalArgumentException("FORKSCOPE-003: @Unit(\"" + name + "\") names a persistence unit that does not exist"
                + (points.isEmpty() ? "" : " (injection point " + String.join(", ", points) + ")")
                + ". Units found in META-INF/persistence.xml: " + known + ". Fix the name in @Unit, or declare the "
                + "unit in persistence.xml.");
    }

    static IllegalArgumentException noDefaultUnit(Collection<String> known) {
        return new IllegalArgumentException("FORKSCOPE-004: an EntityManager is injected without @Unit, but the application has several "
                + "persistence units " + known + " and none is marked as the default. Add "
                + "<property name=\"forkscope.default\" value=\"true\"/> to exactly one unit in persistence.xml, or "
                + "qualify the injection point with @Unit(\"name\").");
    }

    static IllegalStateException severalDefaultUnits(Collection<String> marked) {
        return new IllegalStateException("FORKSCOPE-004: several persistence units are marked with forkscope.default=true: " + marked
                + ". Mark exactly one.");
    }

    static IllegalStateException noUnits() {
        return new IllegalStateException("FORKSCOPE-005: an EntityManager is injected, but no persistence unit was found: there is no "
                + "META-INF/persistence.xml on the classpath, or it declares no <persistence-unit>. Add one.");
    }

    static IllegalStateException closeNotAllowed() {
        return new IllegalStateException("FORKSCOPE-006: close() was called on the contextual EntityManager. Its forks are closed by "
                + "Forkscope when their context ends; remove the close() call (and any try-with-resources around "
                + "the injected EntityManager).");
    }

    static IllegalStateException bootstrapFailed(String unit, Throwable cause) {
        return new IllegalStateException("FORKSCOPE-007: persistence unit '" + unit + "' could not be started: " + cause
                + ". Check the unit's properties in persistence.xml and its datasource settings "
                + "(forkscope.datasource.*).", cause);
    }

    static IllegalArgumentException badSetting(String key, String value, String expected) {
        return badSetting(key, value, expected, null);
    }

    static IllegalArgumentException badSetting(String key, String value, String expected, Throwable cause) {
        return new IllegalArgumentException("FORKSCOPE-009: configuration key " + key + " has the value '" + value + "', which is not "
                + expected + ". Fix the value where it is set (MicroProfile Config, system property or "
                + "environment variable).", cause);
    }

    static String closeFailed(String unit) {
        return "FORKSCOPE-010: closing the fork of unit '" + unit + "' failed; the context ended anyway and its "
                + "other forks were closed.";
    }

    static String rollbackFailed(String unit) {
        return "FORKSCOPE-011: rolling back the transaction of unit '" + unit + "' after a failure failed too; "
                + "the original exception is rethrown with this one attached as suppressed.";
    }

    static IllegalStateException jtaUnavailable(String unit, Throwable cause) {
        return new IllegalStateException("FORKSCOPE-012: persistence unit '" + unit + "' uses JTA, but no "
                + "TransactionSynchronizationRegistry and UserTransaction were found in JNDI (java:comp). Deploy to a Jakarta EE server, or declare the "
                + "unit with transaction-type=\"RESOURCE_LOCAL\" in Java SE.", cause);
    }

    static String unitCloseFailed(String unit) {
        return "FORKSCOPE-014: closing persistence unit '" + unit + "' at shutdown failed; the other units were "
                + "closed anyway.";
    }

    static IllegalStateException noContainerFactory(String unit, Throwable cause) {
        return new IllegalStateException("FORKSCOPE-015: this server did not hand Forkscope the "
                + "EntityManagerFactory of persistence unit '" + unit + "', and none is declared at java:comp/env/forkscope/" + unit + ". Declare it with one line "
                + "on any EJB, servlet or CDI bean class of the application: @PersistenceUnit(name = \"forkscope/"
                + unit + "\", unitName = \"" + unit + "\"), or a <persistence-unit-ref> with that name in web.xml.", cause);
    }

    static ConcurrentForkUseException concurrentUse(String method, Thread caller, Thread owner, String origin) {
        return CallSiteWarnings.once(new ConcurrentForkUseException("FORKSCOPE-101: " + method + " was called on thread \"" + caller.getName() + "\" while thread \""
                + (owner == null ? "?" : owner.getName()) + "\" is inside a call on the same fork (the EntityManager "
                + "of the context opened by " + origin + "). A persistence context is not thread-safe. Do not "
                + "share a context's EntityManager with parallel streams or executor tasks: give each task a context "
                + "of its own (annotate it with @RequestContextual, or wrap it in Forkscope.run) and pass ids, not "
                + "entities or EntityManagers, between threads."));
    }

    static IllegalStateException useAfterClose(String method, String unit, String origin) {
        return CallSiteWarnings.once(new IllegalStateException("FORKSCOPE-102: " + method + " was called on a fork of unit '" + unit
                + "' whose context has ended; the context was opened by " + origin + ". Either an EntityManager "
                + "was kept past its context (in a field, a lambda or a future): inject EntityManager instead and "
                + "call it when the work runs, it always reaches the fork of the current context. Or work that ran "
                + "in the context on another thread outlived it (a task submitted to a ManagedExecutorService and "
                + "still running, or started, after the request ended): give such a task a context of its own with "
                + "@RequestContextual on the method it calls, or Forkscope.run around its body."));
    }

    /** The fork belongs to a section of a live context that has ended: a transaction of its own, or a suspended one. */
    static IllegalStateException useAfterSectionEnd(String method, String unit, String section) {
        return CallSiteWarnings.once(new IllegalStateException("FORKSCOPE-102: " + method + " was called on a fork of unit '" + unit
                + "' that belonged to " + section + ", which has ended (its transaction completed, or the method "
                + "that suspended the transaction returned); the context itself is still open. An EntityManager or "
                + "a query was kept from inside that transaction or method and used after it: call the injected "
                + "EntityManager where the work runs, or create the query there."));
    }

    /** @param owner what the entity belongs to, and {@code current} what it was handed to: a context, or one transaction's fork in it */
    static IllegalArgumentException forkMixing(String method, String entityType, String owner, String current) {
        return CallSiteWarnings.once(new IllegalArgumentException("FORKSCOPE-103: " + method + " was given a " + entityType + " that is managed by another live "
                + "context (" + owner + "), not by this one (" + current + "). Changes "
                + "made to it later would not be saved by this context. Load it in this context instead "
                + "(em.find(" + entityType + ".class, id)), or pass its id rather than the entity into the nested "
                + "context or transaction. The check can be turned off with forkscope.guards.fork-mixing=false."));
    }

    static String foreignChanges(String origin, java.util.Map<String, Integer> changes, String otherOrigin) {
        return "FORKSCOPE-104: flush() of the context opened by " + origin + " does not save the unflushed changes "
                + describe(changes) + " held by another live context (opened by " + otherOrigin + "). Entities "
                + "belong to the context that loaded them: make the changes through this context's EntityManager "
                + "(load the entity here), or flush the context that owns them.";
    }

    static String discardedChanges(String unit, java.util.Map<String, Integer> changes, String origin) {
        return "FORKSCOPE-105: the context opened by " + origin + " ended with unflushed changes to unit '" + unit
                + "', which were discarded: " + describe(changes) + ". Commit them before the context ends "
                + "(@Transactional, Forkscope.transactional, or flush inside a JTA transaction), or leave the "
                + "entities unchanged.";
    }

    static String identityMapGrowth(String unit, long managed, long limit, String origin) {
        return "FORKSCOPE-106: the fork of unit '" + unit + "' in the context opened by " + origin + " manages "
                + managed + " entities, more than forkscope.max-managed-entities (" + limit + "). A persistence "
                + "context this large costs memory and makes every flush slower. Process the data in chunks, each "
                + "in a CREATE context of its own (an @RequestContextual method per chunk, or Forkscope.run), or "
                + "raise the limit.";
    }

    static String ghostFlush(String unit, java.util.Map<String, Integer> changes, String origin, boolean fail) {
        return "FORKSCOPE-107: a transaction on unit '" + unit + "' " + (fail ? "was about to commit" : "commits")
                + " changes that were made before it began, in the context opened by " + origin + ", and that no "
                + "code inside the transaction handed to the EntityManager: " + describe(changes) + ". A commit "
                + "writes every change of the persistence context (the ghost flush), so code that changed these "
                + "entities for another purpose, such as shaping a response, has them saved. Change entities "
                + "inside the transaction that saves them (or pass them to em.merge there); for display, copy them "
                + "to a DTO or em.detach them first."
                + (fail ? " The transaction was rolled back (forkscope.guards.ghost-flush=fail)."
                        : " forkscope.guards.ghost-flush=fail rolls such a transaction back, =off turns this off.");
    }

    static String changedAfterRollback(String unit, java.util.Map<String, Integer> changes, String origin) {
        return "FORKSCOPE-108: entities of unit '" + unit + "' were changed after a rollback had detached them, in "
                + "the context opened by " + origin + ", and nothing saves these changes: " + describe(changes)
                + ". A rollback clears the persistence context (Jakarta Persistence; Hibernate and EclipseLink alike), "
                + "so every entity held from before it is detached. After catching a failed transaction, load the "
                + "entity again (em.find) and change that instance, or hand the detached one to em.merge inside the "
                + "transaction that saves it.";
    }

    static String doomedChanges(String unit, java.util.Map<String, Integer> changes, String section) {
        return "FORKSCOPE-109: changes to unit '" + unit + "' made in " + section + " while its transaction was "
                + "marked for rollback were thrown away with it: " + describe(changes) + ". No other transaction "
                + "commits them. Find what marked the transaction rollback-only (an exception caught inside it, "
                + "setRollbackOnly), or make the changes in a transaction of their own (REQUIRES_NEW).";
    }

    static String noRuntime() {
        return "FORKSCOPE-008: a Forkscope interceptor ran, or a passivated EntityManager was read back, but "
                + "the application's Forkscope runtime is not running (its CDI container is starting or has "
                + "stopped). Call the bean, or activate the passivated session, once the application has started.";
    }

    static IllegalStateException unitOfWorkEnded(String method, String origin) {
        return new IllegalStateException("FORKSCOPE-110: " + method + " was called after the unit of work of this "
                + "CDI request context had ended (the context was opened by " + origin + "), from a callback that "
                + "runs as the request context is destroyed, such as a @PreDestroy method of a @RequestScoped bean. "
                + "Forkscope closes the forks of an HTTP request as the request goes out of scope, so that the "
                + "connection goes back at once. Do that work before the request ends (in the resource "
                + "or a filter), or open a context of its own for it with Forkscope.run.");
    }

    private static String describe(java.util.Map<String, Integer> changes) {
        StringBuilder text = new StringBuilder();
        changes.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(kind));
        return "(" + text + ")";
    }

    static String jmxFailed(String name) {
        return "FORKSCOPE-016: the metrics MBean " + name + " could not be registered; the metrics are still "
                + "readable through Forkscope.metrics().";
    }

    static String unitsStarted(Collection<String> units, String defaultUnit) {
        return "FORKSCOPE-013: persistence units ready: " + units
                + (defaultUnit == null ? " (no default unit)" : " (default: " + defaultUnit + ")");
    }

    static String defaultEntityManager(String other, String unit, int priority, java.util.List<String> others) {
        String chosen = other == null
                ? "Forkscope's contextual EntityManager of unit '" + unit + "'"
                : other + ", an alternative with a priority above Forkscope's (" + priority + "); Forkscope's is "
                        + "injected with @Unit(\"" + unit + "\")";
        return "FORKSCOPE-017: an unqualified @Inject EntityManager gets " + chosen + "." + (others.isEmpty() ? ""
                : " Other EntityManager beans: " + others + "; inject one by its qualifier. A platform bean that has "
                        + "only @Default is reached by giving its unit a <qualifier> in persistence.xml.");
    }

    static IllegalStateException competingProducer(String producer, String unit, int priority) {
        return new IllegalStateException("FORKSCOPE-018: the producer " + producer + " makes a second @Default EntityManager beside Forkscope's "
                + "contextual EntityManager of unit '" + unit + "'. Delete it (Forkscope gives each request, job "
                + "and message an EntityManager of its own), give it a qualifier of its own, or make it an "
                + "@Alternative with a @Priority above " + priority + " if unqualified injection points must get it.");
    }
}
