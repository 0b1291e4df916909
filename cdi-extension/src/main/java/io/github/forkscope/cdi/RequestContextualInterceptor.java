package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs {@link RequestContextual} methods, and EJB timeouts, in a Forkscope context. Its priority
 * puts it outside {@code @Transactional} (at {@code PLATFORM_BEFORE + 200}), so the context
 * opens before the transaction begins and ends after it completes. Stateless and thread-safe.
 */
@RequestContextual
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class RequestContextualInterceptor {

    // field injection: EJB containers (Payara) create interceptors of EJBs with the no-argument constructor
    @Inject
    ContextRunner contexts;

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        return contexts.call(mode(invocation), invocation.getMethod(), invocation::proceed);
    }

    @AroundTimeout
    Object aroundTimeout(InvocationContext invocation) throws Exception {
        return contexts.call(mode(invocation), invocation.getMethod(), invocation::proceed);
    }

    /** The binding on the method wins over the one on its class, as for any interceptor binding. */
    private static RequestContextual.Mode mode(InvocationContext invocation) {
        RequestContextual binding = invocation.getMethod() == null ? null
                : invocation.getMethod().getAnnotation(RequestContextual.class);
        if (binding == null && invocation.getTarget() != null) {
            binding = invocation.getTarget().getClass().getAnnotation(RequestContextual.class);
        }
        return binding == null ? RequestContextual.Mode.CREATE : binding.mode();
    }
}
