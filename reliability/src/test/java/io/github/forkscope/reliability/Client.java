package io.github.forkscope.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One of the load's clients: sends requests to one instance over loopback, with the hung-request
 * limit as timeout, and checks every answer's report as it arrives: a read that shows a mark left
 * by another request (its managed instance) or a pending note (another request's uncommitted
 * change) is a cross-request leak. Confined to the thread that runs it.
 */
final class Client {

    final Random random;
    final Writes writes;
    final Tally tally;
    private final int port;
    private final String name;
    private long requests;
    private String tag;

    Client(int number, int port, Tally tally, Writes writes) {
        this.name = "c" + number;
        this.random = new Random(number);
        this.port = port;
        this.tally = tally;
        this.writes = writes;
    }

    /** A fresh tag for the next request; its report must name this tag and no other request's. */
    String nextTag() {
        tag = name + "-" + ++requests;
        return tag;
    }

    /** A shared row, one of those every request may read. */
    long sharedId() {
        return 1 + random.nextInt(Database.SHARED_ROWS);
    }

    String sharedIds() {
        return sharedId() + "," + sharedId() + "," + sharedId();
    }

    /** GET or POST {@code path} (under {@code /reliability/api/}); null when it timed out or failed to connect. */
    Reply send(String method, String path) {
        try {
            Reply reply = exchange(method, "http://127.0.0.1:" + port + "/reliability/api/" + path, tally);
            if (reply != null) {
                checkReport(reply);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * One request with the hung-request limit as timeout, counted in {@code tally} with its error
     * code when it has one; null when it timed out or failed to connect.
     */
    static Reply exchange(String method, String url, Tally tally) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Mode.HUNG)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        tally.requests.increment();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = Mode.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Reply reply = Reply.of(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
            reply.errorCode().ifPresent(code -> tally.error(code, reply.lines().get(0), reply.millis(), Operation.answeredByTask(url)));
            return reply;
        } catch (HttpTimeoutException e) {
            tally.hung.increment();
            return null;
        } catch (IOException e) {
            tally.error("IO", e.toString(), (System.nanoTime() - start) / 1_000_000);
            return null;
        }
    }

    /**
     * Sends a request and closes the connection {@code afterMillis} later, before the answer: a
     * client that goes away in the middle of a request.
     */
    void sendAndDisconnect(String method, String path, long afterMillis) {
        tally.requests.increment();
        tally.faults.increment();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " /reliability/api/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the fault itself: the client is gone while the server is still working on the request
            Thread.sleep(afterMillis);
        } catch (IOException e) {
            tally.error("IO", e.toString(), afterMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkReport(Reply reply) {
        for (String[] tagLine : reply.facts("tag")) {
            if (!tagLine[1].equals(tag)) {
                tally.leaks.increment();
            }
        }
        for (String[] read : reply.facts("read")) {
            String note = read[2];
            String mark = read[3];
            if (!mark.equals("-") && !mark.equals(tag) || note.startsWith("pending:")) {
                tally.leaks.increment();
                tally.error("LEAK", String.join(" ", read) + " in the answer to " + tag, reply.millis());
            }
        }
    }
}
