package io.github.forkscope.reliability.app;

import io.github.forkscope.RequestContextual;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.persistence.EntityManager;

/**
 * Writes the row a message names, in the delivery's context and container transaction. A message
 * sent with {@code failFirst} rolls its first delivery back after writing, so that the broker
 * redelivers it: the row must then be in the database exactly once. The container gives each
 * delivery its own instance: thread-safe.
 */
@JMSDestinationDefinition(name = WorkListener.QUEUE, interfaceName = "jakarta.jms.Queue", destinationName = "reliabilityWork")
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = WorkListener.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class WorkListener implements MessageListener {

    static final String QUEUE = "java:app/jms/reliabilityWork";

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    OpenForks openForks;
    @Resource
    MessageDrivenContext delivery;

    @Override
    @RequestContextual
    public void onMessage(Message message) {
        try {
            long id = message.getLongProperty("id");
            String tag = message.getStringProperty("tag");
            em.persist(new Item(id, "message", tag, "committed:" + tag));
            em.flush();
            openForks.watchCurrent();
            ledger.track("message", id);
            if (message.getBooleanProperty("failFirst") && message.getIntProperty("JMSXDeliveryCount") == 1) {
                delivery.setRollbackOnly();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }
}
