package com.example.bookstore;

import io.github.forkscope.RequestContextual;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Ships queued orders. Each delivery runs in a fresh context: it loads the book into a fork of its
 * own, which joins the delivery's container transaction, so the new stock commits with the
 * message's acknowledgement. The server delivers each message in a CDI request context, which
 * Forkscope would use anyway; {@code @RequestContextual} says so in the code and keeps it so
 * under any other message listener.
 */
@JMSDestinationDefinition(name = OrderConsumer.QUEUE, interfaceName = "jakarta.jms.Queue", destinationName = "bookstoreOrders")
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = OrderConsumer.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class OrderConsumer implements MessageListener {

    static final String QUEUE = "java:app/jms/bookstoreOrders";

    @Inject
    Catalog catalog;
    @Inject
    Activity activity;

    @Override
    @RequestContextual
    public void onMessage(Message message) {
        String[] order = body(message).split(":");
        long bookId = Long.parseLong(order[0]);
        int copies = Integer.parseInt(order[1]);
        catalog.find(bookId).ifPresentOrElse(book -> {
            try {
                book.ship(copies);
                activity.record("message", "shipped " + copies + " '" + book.getTitle() + "', " + book.getStock() + " left");
            } catch (IllegalArgumentException refused) {
                activity.record("message", "refused an order: " + refused.getMessage());
            }
        }, () -> activity.record("message", "refused an order: there is no book " + bookId));
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable order message", e);
        }
    }
}
