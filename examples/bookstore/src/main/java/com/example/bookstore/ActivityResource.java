package com.example.bookstore;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The last events and the fork each ran on: {@code GET /api/activity?since=<seq>}. */
@Path("/activity")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    Activity activity;

    @GET
    public List<Activity.Event> since(@QueryParam("since") @DefaultValue("0") long since) {
        return activity.since(since);
    }
}
