package io.github.forkscope.it.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

@Path("/tx")
public class TxResource {
    @Inject
    TxService cdi;
    @Inject
    TxEjb ejb;

    @POST
    @Path("{kind}/{id}")
    public String add(@PathParam("kind") String kind, @PathParam("id") long id, @QueryParam("fail") boolean fail) {
        try {
            if (kind.equals("cdi")) {
                cdi.add(id, "via " + kind, fail);
            } else {
                ejb.add(id, "via " + kind, fail);
            }
            return "committed";
        } catch (RuntimeException e) {
            return "failed";
        }
    }
}
