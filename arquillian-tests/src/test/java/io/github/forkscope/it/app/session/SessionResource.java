package io.github.forkscope.it.app.session;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Calls each passivating bean's transaction boundary; a session cookie keeps the session between calls. */
@Path("/session")
public class SessionResource {
    @Inject
    Cart cart;
    @Inject
    Wizard wizard;
    @Inject
    Basket basket;

    @POST
    @Path("cart/{id}")
    public String cart(@PathParam("id") long id) {
        return String.valueOf(cart.add(id));
    }

    @POST
    @Path("wizard/{id}")
    public String wizard(@PathParam("id") long id) {
        wizard.finish(id);
        return "finished";
    }

    @POST
    @Path("basket/{id}")
    public String basket(@PathParam("id") long id) {
        return String.valueOf(basket.add(id));
    }
}
