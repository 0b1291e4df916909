package io.github.forkscope.it.app.security;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.RequestScoped;

/** The book whose owner the identity store signed in, as the store loaded it for this request. */
@RequestScoped
public class SignedIn {

    Book book;
}
