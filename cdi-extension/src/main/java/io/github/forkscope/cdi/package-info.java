/**
 * The portable extension behind {@code io.github.forkscope}: contexts, forks and their guard
 * rails. Internal: every type is package-private but {@link io.github.forkscope.cdi.ForkscopeExtension}
 * and {@link io.github.forkscope.cdi.ForkscopeThreadContextProvider}, which the container loads. The map below says, for each rule of the specification and each
 * error code, which class and method enforce it and which test proves it ({@code *Test}: Weld SE,
 * run on the Jakarta EE 10 and 11 lines; {@code *IT}: WildFly, WildFly Preview and Payara).
 *
 * <h2>Contexts and forks</h2>
 * <ul>
 * <li>{@link io.github.forkscope.cdi.Context}: one context, its forks of every section.
 *     {@link io.github.forkscope.cdi.Section}: one section of a context's transaction stack, and
 *     the stack's invariants. {@link io.github.forkscope.cdi.ContextStack}: the contexts of one CDI
 *     request context or thread binding, and the current section, which calls and boundaries read.
 *     {@link io.github.forkscope.cdi.Contexts}: opens, joins (CREATE, ENSURE) and ends them, and binds
 *     them to the thread. {@link io.github.forkscope.cdi.Fork}: one provider EntityManager and the
 *     checks every call passes ({@code enter}: open check, thread claim, transaction join).</li>
 * <li>{@link io.github.forkscope.cdi.ContextualEntityManager}: what {@code @Inject EntityManager}
 *     gives; {@link io.github.forkscope.cdi.PinnedEntityManager}: one fork as code may hold it; both
 *     are {@link io.github.forkscope.cdi.ForkEntityManager}s, whose every method enters the fork.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>SPEC 1.1–1.5, injection and resolution: {@code ForkscopeExtension.registerEntityManagers},
 *     {@code ContextualEntityManager.fork}, {@code ContextStack.fork}; {@code InjectionAndResolutionTest},
 *     {@code HttpRequestsIT}.</li>
 * <li>SPEC 2.1–2.4, outside any context: {@code GlobalContext.forkFor} ({@code FORKSCOPE-001},
 *     {@code -002}), {@link io.github.forkscope.cdi.DetachedQuery} (bulk writes, recorded getters);
 *     {@code OutsideAnyContextTest}, {@code EntryPointsIT.seed000…}.</li>
 * <li>SPEC 3.2–3.5, opening contexts: {@link io.github.forkscope.cdi.RequestContextualInterceptor}
 *     (mode from the resolved binding), {@code Contexts.call}, {@code RuntimeBean.call},
 *     {@link io.github.forkscope.cdi.RequestScopedContexts}; {@code OpeningContextsTest},
 *     {@code EntryPointsIT}. HTTP (3.1) is {@code io.github.forkscope.servlet.RequestContextFilter}.</li>
 * <li>SPEC 4.1–4.7, transactions: {@link io.github.forkscope.cdi.TransactionBoundaryInterceptor}
 *     and {@code ContextStack.enter}/{@code exit} (the boundaries), {@link io.github.forkscope.cdi.Section}
 *     (the stack), {@code Fork.enter} and its {@code Completion}, {@link io.github.forkscope.cdi.RollbackGuard}
 *     ({@code FORKSCOPE-108}), {@code Fork.doomed} ({@code 109}), {@code ContextStack.closeAll}
 *     ({@code 110}), {@link io.github.forkscope.cdi.UnitTransaction}; {@code TransactionsTest},
 *     {@code TransactionStackTest} (the sweep), {@code LifecycleTest}, {@code TransactionsIT}.</li>
 * <li>SPEC 5.1–5.4, persistence units: {@code ForkscopeExtension.containerUnits},
 *     {@link io.github.forkscope.cdi.SeBootstrap}, {@link io.github.forkscope.cdi.EntityManagerBeans}
 *     (beside an EE 11 platform's beans); {@code PersistenceUnitDiscoveryTest}, {@code PlatformBeansTest},
 *     {@code PlatformBeansIT}, {@code Persistence32MethodsTest}.</li>
 * <li>Async work: {@link io.github.forkscope.cdi.ForkscopeThreadContextProvider} and
 *     {@code Contexts.task} (a captured context on a task's thread), {@code Context.taskBegins},
 *     {@code closeAfterTasks} (an async cycle ends with its last task), {@code Fork.close} handed to
 *     the thread inside, {@code Context.open} refusing an ended context ({@code FORKSCOPE-102}),
 *     {@code Contexts.unfollowedThread} (the {@code FORKSCOPE-001} hint),
 *     {@link io.github.forkscope.cdi.CallSiteWarnings} (WARN once per call site);
 *     {@code AsyncWorkTest}, {@code AsyncWorkIT}, {@code HttpRequestsIT}.</li>
 * <li>SPEC 6.1, threads: {@code Fork.claim} ({@code FORKSCOPE-101}), {@link io.github.forkscope.cdi.GuardedQuery};
 *     {@code GuardedCallsTest}, {@code GuardRailsTest}, {@code GuardsIT}.</li>
 * <li>SPEC 6.2, use after close: {@code Fork.enter} ({@code FORKSCOPE-102}); {@code GuardRailsTest},
 *     {@code GuardedCallsTest}, {@code GuardsIT}.</li>
 * <li>SPEC 6.3, fork mixing: {@code ForkMixingGuard.check} ({@code FORKSCOPE-103}) and
 *     {@code warnForeignChanges} ({@code FORKSCOPE-104}); {@code GuardRailsTest}, {@code GuardsIT}.</li>
 * <li>SPEC 6.4, discarded changes: {@link io.github.forkscope.cdi.DiscardedChangesGuard}
 *     ({@code FORKSCOPE-105}), called as a fork closes, through
 *     {@link io.github.forkscope.cdi.provider.ProviderSupport}; {@code GuardRailsTest}, {@code GuardsIT}.</li>
 * <li>SPEC 6.5, identity-map growth: {@link io.github.forkscope.cdi.IdentityMapGuard}
 *     ({@code FORKSCOPE-106}); {@code GuardSettingsTest}, {@code GuardsIT}.</li>
 * <li>Ghost flush: {@link io.github.forkscope.cdi.GhostFlushGuard}, watching from the join and
 *     reporting before the commit ({@code FORKSCOPE-107}); {@code GhostFlushTest}, {@code GuardsIT},
 *     {@code GhostFlushFailIT}.</li>
 * <li>SPEC 7, observability: {@link io.github.forkscope.cdi.Metrics},
 *     {@link io.github.forkscope.cdi.MetricsMBean}; {@code ObservabilityTest}, {@code GuardsIT}.</li>
 * </ul>
 *
 * <h2>Codes</h2>
 * Every code's text is a method of {@link io.github.forkscope.cdi.Messages}; errors are returned as
 * the exception to throw. {@code ErrorCodesTest} keeps them and the README's troubleshooting table
 * in step. Deployment: {@code 003}–{@code 005}, {@code 009}, {@code 018} in
 * {@code ForkscopeExtension}; {@code 007} in {@code SeBootstrap}; {@code 013}, {@code 016},
 * {@code 017} at start. Runtime: {@code 001}, {@code 002} in {@code GlobalContext}; {@code 006}
 * in the EntityManagers' {@code close}; {@code 010}, {@code 011} in {@code Fork.end} and
 * {@code UnitTransaction}; {@code 012} in {@code Jta}; {@code 014} at shutdown; {@code 015} in
 * {@code JndiFactory}; {@code 101}–{@code 110} as above.
 */
package io.github.forkscope.cdi;
