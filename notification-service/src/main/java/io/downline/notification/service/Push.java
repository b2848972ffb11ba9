package io.downline.notification.service;

/**
 * A stored notification on its way to the sockets of its room: the frame is the exact text a client receives,
 * written once, whatever the number of sockets in the room.
 *
 * @param frame the server frame {@code {"type":"notification",...}} (JSON text, one line)
 */
public record Push(String room, long sequence, String frame) {
}
