package io.downline.notification.support;



import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real WebSocket client (the JDK's) that keeps every frame it receives and the close code. */
public final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private WsClient() {
    }

    public static URI uri(int port, String query) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/notifications" + (query == null ? "" : "?" + query));
    }

    public static WsClient connect(URI uri, String token) {
        return open(uri, token);
    }

    /** The handshake's HTTP status when the server refuses the upgrade. */
    public static int refusedStatus(URI uri, String token) {
        try {
            open(uri, token).close();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static WsClient open(URI uri, String token) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(uri, client.new Listener()).join();
        return client;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void join(String room, Long after) {
        send(after == null ? "{\"action\":\"join\",\"room\":\"" + room + "\"}"
                : "{\"action\":\"join\",\"room\":\"" + room + "\",\"after\":" + after + "}");
    }

    public List<JsonNode> frames() {
        return new ArrayList<>(frames);
    }

    public List<JsonNode> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    public List<JsonNode> notifications(String room) {
        return frames.stream().filter(f -> "notification".equals(f.path("type").asText())
                && room.equals(f.path("room").asText())).toList();
    }

    public JsonNode await(Predicate<JsonNode> match) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    public JsonNode awaitFrame(String type, String room) {
        return await(f -> type.equals(f.path("type").asText()) && room.equals(f.path("room").asText()));
    }

    public JsonNode awaitError(String code) {
        return await(f -> "error".equals(f.path("type").asText()) && code.equals(f.path("code").asText()));
    }

    public int awaitClose() {
        return closed.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
