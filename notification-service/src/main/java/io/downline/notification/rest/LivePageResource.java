package io.downline.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.downline.notification.config.NotificationConfig;
import io.downline.notification.rest.dto.LivePageConfig;

/** The live page's settings (public: the realm URL and the public client's id are no secret). */
@Path("/live/config.json")
@Tag(name = "Live page", description = "The live page's bootstrap: where it logs in")
public class LivePageResource {

    private final NotificationConfig config;

    public LivePageResource(NotificationConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @SecurityRequirements // public: declared as such, so a client generator sends no token
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the live page logs in: the Keycloak realm and the public client")
    public LivePageConfig livePageConfig() {
        return new LivePageConfig(config.livePage().authServerUrl(), config.livePage().clientId());
    }
}
