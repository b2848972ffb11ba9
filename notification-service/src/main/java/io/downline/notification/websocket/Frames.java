package io.downline.notification.websocket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.downline.notification.domain.LiveFigures;

/**
 * The server's frames (JSON text), described in the README's client protocol; the notification frame is written
 * once per notification by {@link io.downline.notification.service.NotificationFrames}.
 */
@ApplicationScoped
public class Frames {

    private final ObjectMapper json;

    public Frames(ObjectMapper json) {
        this.json = json;
    }

    public String hello(String memberId, String room) {
        Map<String, Object> frame = frame("hello");
        frame.put("memberId", memberId);
        frame.put("room", room);
        return write(frame);
    }

    public String joined(String room, Long after) {
        Map<String, Object> frame = frame("joined");
        frame.put("room", room);
        frame.put("after", after);
        return write(frame);
    }

    /** The end of a replay: everything after this comes live. */
    public String live(String room, long sequence) {
        Map<String, Object> frame = frame("live");
        frame.put("room", room);
        frame.put("sequence", sequence);
        return write(frame);
    }

    public String left(String room) {
        Map<String, Object> frame = frame("left");
        frame.put("room", room);
        return write(frame);
    }

    public String error(String code, String message, String room) {
        Map<String, Object> frame = frame("error");
        frame.put("code", code);
        frame.put("message", message);
        if (room != null) {
            frame.put("room", room);
        }
        return write(frame);
    }

    public String figures(LiveFigures figures, Instant at) {
        Map<String, Object> frame = frame("figures");
        frame.put("room", "analytics");
        frame.put("signups", figures.signups());
        frame.put("salesVolume", figures.salesVolume().toPlainString());
        frame.put("commissions", figures.commissions().toPlainString());
        frame.put("payoutsWaiting", figures.payoutsWaiting());
        frame.put("at", at);
        return write(frame);
    }

    private static Map<String, Object> frame(String type) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        return frame;
    }

    private String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
