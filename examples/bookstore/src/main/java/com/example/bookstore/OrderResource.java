package com.example.bookstore;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Takes an order and queues it; {@link OrderConsumer} ships it later, in a context of its own.
 * The request only checks that the book exists.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** An order: {@code {"bookId":3,"copies":2}}. */
    public record Order(long bookId, int copies) {
    }

    @Inject
    Catalog catalog;
    @Inject
    Activity activity;
    @Inject
    JMSContext jms;
    @Resource(lookup = OrderConsumer.QUEUE)
    Queue orders;

    @POST
    public Response order(Order order) {
        Book book = catalog.find(order.bookId())
                .orElseThrow(() -> new NotFoundException("there is no book " + order.bookId()));
        jms.createProducer().send(orders, order.bookId() + ":" + order.copies());
        activity.record("request", "queued an order of " + order.copies() + " '" + book.getTitle() + "'");
        return Response.accepted(Map.of("queued", order)).build();
    }
}
