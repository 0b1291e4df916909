package io.github.forkscope.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Joins the transaction that application code runs in, as soon as it begins: at the start of a
 * {@code @Transactional} method, inside the transaction interceptor ({@code PLATFORM_BEFORE + 200}),
 * and of an enterprise bean's business, timeout or message method, inside the container-managed
 * transaction. Every live fork of the current context that belongs to no transaction joins it, so
 * an entity loaded before and only changed by setters inside is written at commit. Where the
 * context's fork belongs to another, suspended transaction, nothing is joined: the calls inside
 * reach a fork of their own ({@link Context}). Stateless and thread-safe.
 */
@TransactionBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
class TransactionBoundaryInterceptor {

    // field injection: EJB containers (Payara) create interceptors of EJBs with the no-argument constructor
    @Inject
    Contexts contexts;

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        contexts.joinTransaction();
        return invocation.proceed();
    }

    @AroundTimeout
    Object aroundTimeout(InvocationContext invocation) throws Exception {
        contexts.joinTransaction();
        return invocation.proceed();
    }
}
