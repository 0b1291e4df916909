package com.example.bookstore;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * The books API. Every request runs in a context of its own (the servlet listener opens it), so
 * everything the request loads lives in one identity map that is dropped when the response is sent.
 */
@Path("/books")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookResource {

    @Inject
    Catalog catalog;
    @Inject
    Activity activity;

    @GET
    public List<BookView> list(@QueryParam("title") String title) {
        return catalog.list(title).stream().map(b -> BookView.of(b)).toList();
    }

    @GET
    @Path("{id}")
    public BookView get(@PathParam("id") long id) {
        return BookView.of(catalog.find(id).orElseThrow(() -> noBook(id)));
    }

    @GET
    @Path("{id}/with-author")
    public BookView getWithAuthor(@PathParam("id") long id) {
        return BookView.of(catalog.findWithAuthor(id).orElseThrow(() -> noBook(id)));
    }

    @POST
    public Response create(NewBook book, @Context UriInfo uri) {
        Book created = catalog.add(book);
        activity.record("request", "added '" + created.getTitle() + "' as book " + created.getId());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
                .entity(BookView.of(created))
                .build();
    }

    /** Adds several books in one transaction: all or none. */
    @POST
    @Path("batch")
    public Response createAll(List<NewBook> books) {
        List<BookView> created = catalog.addAll(books).stream().map(b -> BookView.of(b)).toList();
        activity.record("request", "added " + created.size() + " books in one transaction");
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{id}/title")
    @Consumes(MediaType.TEXT_PLAIN)
    public BookView rename(@PathParam("id") long id, String title) {
        return BookView.of(catalog.rename(id, title).orElseThrow(() -> noBook(id)));
    }

    private static NotFoundException noBook(long id) {
        return new NotFoundException("there is no book " + id);
    }
}
