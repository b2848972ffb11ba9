package io.downline.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code outbox-relay}: DOWN while the relay thread is dead (it is restarted after a delay; an instance whose
 * relay keeps dying is restarted by its orchestrator). Standing by while another instance leads is UP.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.State state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state != OutboxRelay.State.DEAD)
                .withData("state", state.name())
                .withData("restarts", relay.restarts());
        if (relay.death() != null) {
            response.withData("lastDeath", SendFailure.describe(relay.death()));
        }
        return response.build();
    }
}
