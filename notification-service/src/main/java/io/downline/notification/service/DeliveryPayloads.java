package io.downline.notification.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads of the delivery channel (PostgreSQL NOTIFY): many pushes per payload, one line each,
 * {@code <room> TAB <sequence> TAB <frame>}, in the order given. A payload stays under PostgreSQL's 8000 bytes;
 * a frame is one line (JSON escapes line breaks) and well under that (texts are cut to 300 characters per value).
 * A listener reads room and number without parsing the frame.
 */
public final class DeliveryPayloads {

    /** PostgreSQL refuses a payload of 8000 bytes or more. */
    static final int MAX_BYTES = 7999;

    private DeliveryPayloads() {
    }

    /** The pushes packed into as few payloads as fit, in order. */
    public static List<String> pack(List<Push> pushes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(MAX_BYTES);
        int bytes = 0;
        for (Push push : pushes) {
            String line = push.room() + '\t' + push.sequence() + '\t' + push.frame();
            int lineBytes = utf8Length(line);
            if (lineBytes > MAX_BYTES) {
                throw new IllegalArgumentException("A notification of " + lineBytes + " bytes cannot be announced: "
                        + push.room() + " " + push.sequence());
            }
            if (bytes > 0 && bytes + 1 + lineBytes > MAX_BYTES) {
                payloads.add(payload.toString());
                payload.setLength(0);
                bytes = 0;
            }
            if (bytes > 0) {
                payload.append('\n');
                bytes++;
            }
            payload.append(line);
            bytes += lineBytes;
        }
        if (bytes > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    /** The pushes of one payload, in order. */
    public static List<Push> unpack(String payload) {
        List<Push> pushes = new ArrayList<>();
        int start = 0;
        while (start < payload.length()) {
            int end = payload.indexOf('\n', start);
            if (end < 0) {
                end = payload.length();
            }
            int roomEnd = payload.indexOf('\t', start);
            int sequenceEnd = payload.indexOf('\t', roomEnd + 1);
            if (roomEnd < 0 || sequenceEnd < 0 || sequenceEnd > end) {
                throw new IllegalArgumentException("Not a delivery line: " + payload.substring(start, end));
            }
            pushes.add(new Push(payload.substring(start, roomEnd),
                    Long.parseLong(payload, roomEnd + 1, sequenceEnd, 10), payload.substring(sequenceEnd + 1, end)));
            start = end + 1;
        }
        return pushes;
    }

    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
