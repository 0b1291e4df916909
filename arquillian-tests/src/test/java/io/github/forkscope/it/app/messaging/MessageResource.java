package io.github.forkscope.it.app.messaging;

import io.github.forkscope.it.app.Recorder;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/messages")
public class MessageResource {
    @Inject
    JMSContext jms;
    @Resource(lookup = BookMessages.QUEUE)
    Queue queue;
    @Inject
    Recorder recorder;

    @POST
    @Path("clear")
    public String clear() {
        recorder.clear();
        return "cleared";
    }

    @POST
    @Path("{body}")
    public String send(@PathParam("body") String body) {
        jms.createProducer().send(queue, body);
        return "sent";
    }
}
