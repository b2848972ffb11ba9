package io.downline.notification.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The benchmark's WebSocket clients, in a process of their own: a process may hold 20,000 descriptors here
 * ({@code ulimit -n}), and 10,000 sockets need one at each end. Opens one socket per line of the token file
 * ({@code <room> <token>}), at most {@code parallelism} upgrades in flight; checks each room's sequence (a gap or
 * a duplicate is counted) and prints one line per notification to stdout: {@code N <orderId> <receivedMicros>
 * <storedMicros>}. Prints {@code OPEN <sockets> <failed> <millis>} once all upgrades ended; on {@code STOP} on
 * stdin it prints {@code DONE <open> <received> <gaps> <duplicates>} and exits.
 *
 * <p>Arguments: ws URL, token file, parallelism.
 */
public final class FanoutClients {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long FLUSH_EVERY_MS = 20;

    // Buffered: a write to the pipe per notification would cost this process more than reading the frame. The
    // receive time is taken when the frame arrives, so the flush delay does not enter any figure.
    private final PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
            1 << 16), false, StandardCharsets.UTF_8);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    private FanoutClients() {
    }

    public static void main(String[] args) throws Exception {
        new FanoutClients().run(URI.create(args[0]), Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]));
    }

    private void run(URI uri, List<String> tokens, int parallelism) throws Exception {
        Thread flusher = new Thread(this::flushNowAndThen, "fanout-clients-flusher");
        flusher.setDaemon(true);
        flusher.start();
        HttpClient[] clients = new HttpClient[4];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newHttpClient();
        }
        Semaphore inFlight = new Semaphore(parallelism);
        List<WebSocket> sockets = new ArrayList<>(tokens.size());
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < tokens.size(); i++) {
            String[] line = tokens.get(i).split(" ", 2);
            inFlight.acquire();
            clients[i % clients.length].newWebSocketBuilder().header("Authorization", "Bearer " + line[1])
                    .buildAsync(uri, new Client()).whenComplete((socket, failure) -> {
                        if (failure == null) {
                            synchronized (sockets) {
                                sockets.add(socket);
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(parallelism);
        say("OPEN " + sockets.size() + " " + failed.get() + " " + (System.nanoTime() - start) / 1_000_000);

        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String command = commands.readLine(); command != null && !command.equals("STOP");) {
                command = commands.readLine();
            }
        }
        long open = sockets.stream().filter(s -> !s.isInputClosed()).count();
        say("DONE " + open + " " + received.get() + " " + gaps.get() + " " + duplicates.get());
        sockets.forEach(WebSocket::abort);
        System.exit(0);
    }

    private synchronized void say(String line) {
        out.println(line);
        out.flush();
    }

    private synchronized void note(String line) {
        out.println(line);
    }

    private void flushNowAndThen() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MS));
            synchronized (this) {
                out.flush();
            }
        }
    }

    private final class Client implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private long last;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean complete) {
            text.append(data);
            if (complete) {
                frame(text.toString());
                text.setLength(0);
            }
            return null;
        }

        private void frame(String raw) {
            long now = micros(Instant.now());
            Frame frame = Frame.read(raw);
            if (!"notification".equals(frame.type)) {
                return;
            }
            if (frame.sequence <= last) {
                duplicates.incrementAndGet();
            } else if (frame.sequence != last + 1) {
                gaps.incrementAndGet();
            }
            last = Math.max(last, frame.sequence);
            received.incrementAndGet();
            note("N " + frame.orderId + " " + now + " " + micros(Instant.parse(frame.createdAt)));
        }
    }

    /** The fields of a server frame the check needs, read with the streaming parser (no tree per frame). */
    private static final class Frame {

        private String type;
        private long sequence;
        private String createdAt;
        private String orderId;

        static Frame read(String raw) {
            Frame frame = new Frame();
            try (JsonParser parser = JSON.createParser(raw)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalStateException("Not a JSON object: " + raw);
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.getCurrentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "type" -> frame.type = parser.getText();
                        case "sequence" -> frame.sequence = parser.getLongValue();
                        case "createdAt" -> frame.createdAt = parser.getText();
                        case "data" -> frame.orderId = orderId(parser);
                        default -> {
                            if (value.isStructStart()) {
                                parser.skipChildren();
                            }
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return frame;
        }

        private static String orderId(JsonParser parser) throws java.io.IOException {
            String orderId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                if (parser.nextToken().isStructStart()) {
                    parser.skipChildren();
                } else if (field.equals("orderId")) {
                    orderId = parser.getText();
                }
            }
            return orderId;
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
