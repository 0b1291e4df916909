package io.github.forkscope.reliability.app;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a {@code TransactionalException} (a {@code @Transactional} method whose commit failed) as
 * {@link ErrorMapper} answers every failure. GlassFish's and Payara's Jersey register a mapper of
 * their own for it that rethrows it unless the method threw a {@code WebApplicationException}, so
 * the failure would reach the servlet container as an HTML error page that the application's
 * {@code ExceptionMapper<Throwable>} never sees; of two mappers for the same type, Jersey takes
 * the one of higher priority (the lower value). Stateless, thread-safe.
 */
@Provider
@Priority(Priorities.USER - 1)
public class TransactionalErrorMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException failure) {
        return ErrorMapper.answer(failure);
    }
}
