package io.downline.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The counter {@code downline_staff_actions_unaudited_total}, registered at start so that it is exported (at
 * zero) before the first request and an alert on it has something to read.
 */
@Startup
@ApplicationScoped
public class UnauditedStaffActions {

    private final Counter counter;

    public UnauditedStaffActions(MeterRegistry registry) {
        this.counter = Counter.builder("downline.staff.actions.unaudited")
                .description("Successful staff changes that emitted no admin.action-performed")
                .register(registry);
    }

    void increment() {
        counter.increment();
    }
}
