package io.github.forkscope.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;

/**
 * Marks the transaction boundaries around application code on the active context's transaction
 * stack: at the start of a {@code @Transactional} method, inside the transaction interceptor
 * ({@code PLATFORM_BEFORE + 200}), and of an enterprise bean's business, timeout or message
 * method, inside the container-managed transaction. A transaction that has begun becomes a
 * section, whose forks join it; a suspended one becomes a section of its own until the method
 * returns (see {@link Section}). Public with a public no-argument constructor, as EJB containers
 * (GlassFish) create interceptors through it; serializable, as beans of passivating scopes
 * ({@code @SessionScoped}, {@code @ConversationScoped}, {@code @Stateful}) need their interceptors
 * to be, so its one dependency is transient and found again after passivation. Thread-safe.
 */
@TransactionBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class TransactionBoundaryInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    // field injection: EJB containers (Payara, GlassFish) create interceptors of EJBs with the no-argument constructor
    @Inject
    transient Contexts contexts;

    /** For the container. */
    public TransactionBoundaryInterceptor() {
    }

    @AroundInvoke
    Object aroundInvoke(InvocationContext invocation) throws Exception {
        ContextStack.Boundary boundary = Contexts.of(this.contexts).boundary();
        try {
            return invocation.proceed();
        } finally {
            boundary.exit();
        }
    }

    @AroundTimeout
    Object aroundTimeout(InvocationContext invocation) throws Exception {
        return aroundInvoke(invocation);
    }
}
