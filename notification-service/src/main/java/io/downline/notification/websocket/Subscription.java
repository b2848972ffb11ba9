package io.downline.notification.websocket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.downline.notification.service.Push;

/**
 * A socket in one room. While it replays what the client missed, live notifications of the room are held
 * back; then the held ones it has not sent yet follow, and from then on each live one as it comes. A number
 * already sent is never sent again, so the client sees the stream in order, without gap or duplicate.
 */
class Subscription {

    private final Socket socket;
    private final String room;
    private final Frames frames;
    private long last;
    private List<Push> held = new ArrayList<>();
    private boolean ended;

    Subscription(Socket socket, String room, long after, Frames frames) {
        this.socket = socket;
        this.room = room;
        this.last = after;
        this.frames = frames;
    }

    Socket socket() {
        return socket;
    }

    String room() {
        return room;
    }

    synchronized long last() {
        return last;
    }

    /** Joined without a replay: starts after the stream's current end. */
    synchronized void skipTo(long sequence) {
        last = Math.max(last, sequence);
    }

    /** A live notification of the room. */
    synchronized void offer(Push push) {
        if (ended) {
            return;
        }
        if (held != null) {
            held.add(push);
        } else if (push.sequence() > last) {
            last = push.sequence();
            socket.send(push.frame());
        }
    }

    /**
     * The socket left the room (or closed): a push still on its way to it is dropped, so that a new subscription
     * to the same room is the only one that sends.
     */
    synchronized void end() {
        ended = true;
    }

    /** A notification read from the inbox while catching up. */
    synchronized void replay(Push push) {
        if (push.sequence() > last) {
            last = push.sequence();
            socket.send(push.frame());
        }
    }

    /** The replay is done: sends what was held back and goes live. */
    synchronized void goLive() {
        held.sort(Comparator.comparingLong(Push::sequence));
        for (Push push : held) {
            if (push.sequence() > last) {
                last = push.sequence();
                socket.send(push.frame());
            }
        }
        held = null;
        socket.send(frames.live(room, last));
    }
}
