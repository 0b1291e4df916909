package io.github.forkscope.it.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Jakarta Security authentication mechanism that signs in the owner named by a request header
 * through the application's identity store; it runs before any filter of the request.
 */
@ApplicationScoped
public class HeaderAuthentication implements HttpAuthenticationMechanism {

    static final String OWNER = "X-Book-Owner";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String owner = request.getHeader(OWNER);
        if (owner == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(identityStores.validate(new UsernamePasswordCredential(owner, "unused")));
    }
}
