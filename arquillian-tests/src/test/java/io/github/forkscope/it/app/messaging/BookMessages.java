package io.github.forkscope.it.app.messaging;

import io.github.forkscope.it.app.Book;
import io.github.forkscope.it.app.Recorder;

import io.github.forkscope.Forkscope;
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
 * A message consumer whose onMessage runs in a context of its own. A message whose body is
 * {@code fail} rolls back its first delivery, so that the redelivery can be seen to get a fresh fork.
 */
@JMSDestinationDefinition(name = BookMessages.QUEUE, interfaceName = "jakarta.jms.Queue", destinationName = "forkscopeBooks")
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = BookMessages.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class BookMessages implements MessageListener {

    static final String QUEUE = "java:app/jms/forkscopeBooks";

    @Inject
    EntityManager em;
    @Inject
    Recorder recorder;
    @Resource
    MessageDrivenContext context;

    @Override
    @RequestContextual
    public void onMessage(Message message) {
        try {
            String body = message.getBody(String.class);
            em.find(Book.class, 1L).setTitle("changed by message " + body);
            recorder.record("message", Forkscope.currentEntityManager().orElseThrow(),
                    body + (message.getJMSRedelivered() ? "-redelivered" : ""));
            if (body.equals("fail") && !message.getJMSRedelivered()) {
                context.setRollbackOnly();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
