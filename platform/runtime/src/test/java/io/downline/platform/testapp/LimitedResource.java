package io.downline.platform.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A path with a rate limit of its own (test application.properties), to test the limit without a profile. */
@Path("/test/limited")
@PermitAll
public class LimitedResource {

    @GET
    public String ping() {
        return "ok";
    }
}
