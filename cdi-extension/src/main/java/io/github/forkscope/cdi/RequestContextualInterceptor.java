package io.github.forkscope.cdi;

import io.github.forkscope.RequestContextual;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;

/**
 * Runs {@link RequestContextual} methods, and EJB timeouts, in a Forkscope context. Its priority
 * puts it outside {@code @Transactional} (at {@code PLATFORM_BEFORE + 200}), so the context
 * opens before that transaction begins and ends after it completes; an EJB container begins a
 * container-managed transaction before any interceptor. Public and serializable for the same
 * reasons as {@link TransactionBoundaryInterceptor}. Stateless and thread-safe.
 */
@RequestContextual
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequestContextualInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String BINDINGS = "jakarta.interceptor.bindings";
    private static final String WELD_BINDINGS = "org.jboss.weld.interceptor.bindings";

    // field injection: EJB containers (Payara, GlassFish) create interceptors of EJBs with the no-argument constructor
    @Inject
    transient Contexts contexts;

    /** For the container. */
    public RequestContextualInterceptor() {
    }

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        return Contexts.of(contexts).call(mode(invocation), invocation.getMethod(), invocation::proceed);
    }

    @AroundTimeout
    Object aroundTimeout(InvocationContext invocation) throws Exception {
        return aroundInvoke(invocation);
    }

    /**
     * The binding as the container resolved it, wherever it was declared: on the method or class,
     * through a stereotype, {@code InterceptionFactory} or an extension. Interceptors 2.2 (EE 11)
     * publishes it under {@code jakarta.interceptor.bindings}, Weld before that under its own key;
     * reading the context data works on both API versions. Reflection on the method, then the
     * class, is the last resort for a container that publishes neither.
     */
    private static RequestContextual.Mode mode(InvocationContext invocation) {
        RequestContextual binding = published(invocation.getContextData().get(BINDINGS));
        if (binding == null) {
            binding = published(invocation.getContextData().get(WELD_BINDINGS));
        }
        if (binding == null && invocation.getMethod() != null) {
            binding = invocation.getMethod().getAnnotation(RequestContextual.class);
        }
        if (binding == null && invocation.getTarget() != null) {
            binding = invocation.getTarget().getClass().getAnnotation(RequestContextual.class);
        }
        return binding == null ? RequestContextual.Mode.CREATE : binding.mode();
    }

    private static RequestContextual published(Object bindings) {
        if (bindings instanceof Iterable<?> all) {
            for (Object binding : all) {
                if (binding instanceof RequestContextual found) {
                    return found;
                }
            }
        }
        return null;
    }
}
