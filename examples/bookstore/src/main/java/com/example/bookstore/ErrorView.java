package com.example.bookstore;

/** The body of an error response: {@code {"error":"InvalidBookException","message":"..."}}. */
public record ErrorView(String error, String message) {

    static ErrorView of(Throwable failure) {
        return new ErrorView(failure.getClass().getSimpleName(), failure.getMessage());
    }
}
