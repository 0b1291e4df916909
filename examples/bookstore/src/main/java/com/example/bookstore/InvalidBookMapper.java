package com.example.bookstore;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers 400 with the reason when a book is refused; the transaction has rolled back by then. */
@Provider
public class InvalidBookMapper implements ExceptionMapper<InvalidBookException> {

    @Override
    public Response toResponse(InvalidBookException refused) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorView.of(refused))
                .build();
    }
}
