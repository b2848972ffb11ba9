package io.downline.notification.websocket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.downline.notification.service.Push;

/**
 * A socket in one room. While it replays what the client missed, live notifications of the room are held
 * back; then the held ones it has not sent yet follow, and from then on each live one as it comes. A number
 * already sent is never sent again, and one pushed ahead of the listener goes only right after its predecessor,
 * so the client sees the stream in order, without gap or duplicate.
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

    /**
     * A live notification of the room from the listener: every replica's, in commit order (which is the stream's
     * order). Returns whether it was sent now.
     */
    synchronized boolean offer(Push push) {
        if (ended) {
            return false;
        }
        if (held != null) {
            held.add(push);
            return false;
        }
        if (push.sequence() > last) {
            last = push.sequence();
            socket.send(push.frame());
            return true;
        }
        return false;
    }

    /**
     * A notification this replica has just committed, ahead of its NOTIFY. Transactions that number one stream
     * commit in the stream's order, but their pushes race, so one is sent only when it is the very next number;
     * otherwise (an earlier number still on its way, or a replay in progress) the listener brings it in order.
     * Returns whether it was sent now; the listener's copy is then skipped as already sent.
     */
    synchronized boolean offerOwn(Push push) {
        if (ended || held != null || push.sequence() != last + 1) {
            return false;
        }
        last = push.sequence();
        socket.send(push.frame());
        return true;
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
