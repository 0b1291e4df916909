package com.example.bookstore;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/repricing} runs the nightly repricing now, on the EJB timer service. */
@Path("/repricing")
public class RepricingResource {

    @Inject
    NightlyRepricing repricing;

    @POST
    public Response startNow() {
        repricing.startNow();
        return Response.accepted().build();
    }
}
