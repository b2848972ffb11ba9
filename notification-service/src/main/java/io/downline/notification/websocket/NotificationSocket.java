package io.downline.notification.websocket;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.domain.RoomName;
import io.downline.notification.service.Push;
import io.downline.notification.service.ReplayService;
import io.downline.notification.service.RoomAccess;
import io.downline.notification.service.Viewer;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * {@code /ws/notifications}: the token is checked on the upgrade. A member is put in their own room at once
 * (replaying after {@code ?after=<sequence>} when given); other rooms are joined with
 * {@code {"action":"join","room":"team:<id>","after":12}}. The protocol is in the README.
 */
@WebSocket(path = "/ws/notifications")
@Authenticated
public class NotificationSocket {

    static final int MAX_ROOMS = 50;
    static final int MESSAGE_TOO_BIG = 1009;
    static final int SERVER_ERROR = 1011;
    private static final Logger LOG = Logger.getLogger(NotificationSocket.class);

    private final SecurityIdentity identity;
    private final RoomAccess access;
    private final ReplayService replay;
    private final Rooms rooms;
    private final Frames frames;
    private final FiguresPusher figures;
    private final ObjectMapper json;
    private final NotificationConfig config;

    public NotificationSocket(SecurityIdentity identity, RoomAccess access, ReplayService replay, Rooms rooms,
            Frames frames, FiguresPusher figures, ObjectMapper json, NotificationConfig config) {
        this.identity = identity;
        this.access = access;
        this.replay = replay;
        this.rooms = rooms;
        this.frames = frames;
        this.figures = figures;
        this.json = json;
        this.config = config;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        Viewer viewer = access.viewer(identity.getPrincipal().getName(), identity.getRoles());
        Socket socket = new Socket(connection, eventLoop(), viewer, config.sendQueue(), rooms::tooSlow);
        rooms.open(socket);
        String own = viewer.memberId().map(id -> RoomName.member(id).toString()).orElse(null);
        socket.send(frames.hello(viewer.memberId().map(Object::toString).orElse(null), own));
        if (own == null) {
            return;
        }
        Optional<String> afterParameter = queryParameter(connection.handshakeRequest().query(), "after");
        OptionalLong after = afterParameter.map(NotificationSocket::sequence).orElse(OptionalLong.empty());
        if (afterParameter.isPresent() && after.isEmpty()) {
            socket.send(frames.error("malformed-frame", "after must be a whole number of 0 or more", own));
        }
        join(socket, RoomName.member(viewer.memberId().get()), after.isPresent() ? after.getAsLong() : null);
    }

    @OnTextMessage
    public void message(WebSocketConnection connection, String text) {
        Socket socket = rooms.socket(connection.id());
        if (socket == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (java.io.IOException e) {
            socket.send(frames.error("malformed-frame", "A frame is a JSON object", null));
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("action").isTextual()) {
            socket.send(frames.error("malformed-frame", "A frame is a JSON object with a text field \"action\"", null));
            return;
        }
        String action = frame.get("action").asText();
        JsonNode roomField = frame.path("room");
        if (!action.equals("join") && !action.equals("leave")) {
            socket.send(frames.error("unknown-action", "Actions are join and leave", null));
            return;
        }
        if (!roomField.isTextual()) {
            socket.send(frames.error("malformed-frame", "\"room\" must be a room name", null));
            return;
        }
        Optional<RoomName> room = RoomName.parse(roomField.asText());
        if (room.isEmpty()) {
            socket.send(frames.error("unknown-room", "No such room; rooms are member:<id>, team:<id>, meeting:<id>,"
                    + " role:finance, role:kyc-review, analytics", null));
            return;
        }
        if (action.equals("leave")) {
            rooms.leave(socket, room.get().toString());
            socket.send(frames.left(room.get().toString()));
            return;
        }
        JsonNode afterField = frame.path("after");
        Long after = null;
        if (!afterField.isMissingNode() && !afterField.isNull()) {
            if (!afterField.canConvertToLong() || !afterField.isIntegralNumber() || afterField.asLong() < 0) {
                socket.send(frames.error("malformed-frame", "\"after\" must be a whole number of 0 or more",
                        room.get().toString()));
                return;
            }
            after = afterField.asLong();
        }
        join(socket, room.get(), after);
    }

    /**
     * A frame over the size limit closes the socket with 1009 (message too big); anything else that fails while
     * handling a frame closes it with 1011, and the client reconnects with its last sequence.
     */
    @OnError
    public void failed(WebSocketConnection connection, Throwable failure) {
        boolean tooBig = String.valueOf(failure.getMessage()).contains("max message size")
                || String.valueOf(failure.getMessage()).contains("max frame");
        if (!tooBig) {
            LOG.errorf(failure, "WebSocket %s failed; closing it", connection.id());
        }
        CloseReason reason = tooBig ? new CloseReason(MESSAGE_TOO_BIG, "Frame too big")
                : new CloseReason(SERVER_ERROR, "Server error: reconnect with your last sequence");
        Socket socket = rooms.socket(connection.id());
        if (socket != null) {
            socket.close(reason.getCode(), reason.getMessage());
        } else {
            connection.close(reason).subscribe().with(done -> {
            }, ignored -> {
            });
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        rooms.close(connection.id());
    }

    private void join(Socket socket, RoomName room, Long after) {
        String name = room.toString();
        if (socket.subscriptions().containsKey(name)) {
            socket.send(frames.error("already-joined", "Already in this room; leave it first to replay again", name));
            return;
        }
        if (socket.subscriptions().size() >= MAX_ROOMS) {
            socket.send(frames.error("too-many-rooms", "At most " + MAX_ROOMS + " rooms per connection", name));
            return;
        }
        if (!access.mayJoin(socket.viewer(), room)) {
            socket.send(frames.error("room-forbidden", "Your token does not allow this room", name));
            return;
        }
        Subscription subscription = new Subscription(socket, name, after == null ? 0 : after, frames);
        rooms.add(subscription);
        socket.send(frames.joined(name, after));
        if (!room.stored()) {
            subscription.goLive();
            figures.joined(subscription);
            return;
        }
        if (after != null) {
            catchUp(subscription);
        } else {
            subscription.skipTo(replay.lastSequence(name));
        }
        subscription.goLive();
    }

    private void catchUp(Subscription subscription) {
        int batch = config.replayBatch();
        List<Push> missed;
        do {
            missed = replay.after(subscription.room(), subscription.last(), batch);
            missed.forEach(subscription::replay);
        } while (missed.size() == batch && subscription.socket().open());
    }

    /** The connection's event loop: the callbacks run on the connection's context, whatever thread runs them. */
    private static Executor eventLoop() {
        return ((ContextInternal) Vertx.currentContext()).nettyEventLoop();
    }

    private static Optional<String> queryParameter(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private static OptionalLong sequence(String text) {
        try {
            long value = Long.parseLong(text);
            return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
