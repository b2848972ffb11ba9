package io.downline.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds widget creations while a test keeps it closed, so that the test decides how long the first request of a
 * race runs; counts the creations that got in. Never holds longer than 30 s, so a failed test cannot hang.
 */
@ApplicationScoped
public class WidgetGate {

    private volatile CountDownLatch latch = new CountDownLatch(0);
    private final AtomicInteger entered = new AtomicInteger();

    public void close() {
        entered.set(0);
        latch = new CountDownLatch(1);
    }

    public void open() {
        latch.countDown();
    }

    public int entered() {
        return entered.get();
    }

    void pass() {
        entered.incrementAndGet();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The widget gate stayed closed for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted at the widget gate", e);
        }
    }
}
