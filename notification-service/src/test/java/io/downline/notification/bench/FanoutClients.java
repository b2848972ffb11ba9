package io.downline.notification.bench;

import java.io.BufferedReader;
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
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    private FanoutClients() {
    }

    public static void main(String[] args) throws Exception {
        new FanoutClients().run(URI.create(args[0]), Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]));
    }

    private void run(URI uri, List<String> tokens, int parallelism) throws Exception {
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
            JsonNode frame;
            try {
                frame = JSON.readTree(raw);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (!"notification".equals(frame.path("type").asText())) {
                return;
            }
            long sequence = frame.path("sequence").asLong();
            if (sequence <= last) {
                duplicates.incrementAndGet();
            } else if (sequence != last + 1) {
                gaps.incrementAndGet();
            }
            last = Math.max(last, sequence);
            received.incrementAndGet();
            say("N " + frame.path("data").path("orderId").asText() + " " + now + " "
                    + micros(Instant.parse(frame.path("createdAt").asText())));
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
