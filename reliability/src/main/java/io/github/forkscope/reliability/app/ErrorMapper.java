package io.github.forkscope.reliability.app;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every failure with a first line {@code error CODE message} that the load client
 * classifies: {@code FORKSCOPE-nnn} for a guard rail, {@code INJECTED} for a fault the harness asked
 * for, {@code DATABASE} when the cause is the database or the connection pool, and {@code UNCODED}
 * for anything else, which the checks count as an error nobody explained. Stateless, thread-safe.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Pattern FORKSCOPE_CODE = Pattern.compile("FORKSCOPE-\\d{3}");

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException) {
            return ((WebApplicationException) failure).getResponse();
        }
        if (failure instanceof Refused) {
            return answer(409, "rolled-back " + failure.getMessage());
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher code = FORKSCOPE_CODE.matcher(String.valueOf(cause.getMessage()));
            if (code.find()) {
                return answer(500, "error " + code.group() + " " + oneLine(cause));
            }
            if (cause instanceof InjectedFault) {
                return answer(500, "error INJECTED " + oneLine(cause));
            }
            if (cause instanceof SQLException || cause instanceof jakarta.resource.ResourceException
                    || cause instanceof jakarta.transaction.SystemException) {
                return answer(503, "error DATABASE " + oneLine(rootOf(cause)));
            }
        }
        return answer(500, "error UNCODED " + oneLine(failure) + " (root: " + oneLine(rootOf(failure)) + ")");
    }

    private static Response answer(int status, String line) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(line + "\n").build();
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String oneLine(Throwable failure) {
        return (failure.getClass().getName() + ": " + failure.getMessage()).replaceAll("\\s+", " ");
    }
}
