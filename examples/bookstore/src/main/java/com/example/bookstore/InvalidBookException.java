package com.example.bookstore;

/** A book that cannot be added or changed as asked; the API answers 400 and the transaction rolls back. */
public class InvalidBookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidBookException(String message) {
        super(message);
    }
}
