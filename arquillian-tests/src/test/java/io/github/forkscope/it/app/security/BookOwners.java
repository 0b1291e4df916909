package io.github.forkscope.it.app.security;

import io.github.forkscope.it.app.Book;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * An identity store that loads its caller through the injected {@code EntityManager}, as stores
 * that read users from the application's own tables do: the caller's name is a book's id, and
 * the loaded book is kept for the rest of the request.
 */
@ApplicationScoped
public class BookOwners implements IdentityStore {

    @Inject
    EntityManager em;
    @Inject
    SignedIn signedIn;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Book book = em.find(Book.class, Long.parseLong(credential.getCaller()));
        if (book == null) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        signedIn.book = book;
        return new CredentialValidationResult(credential.getCaller());
    }
}
