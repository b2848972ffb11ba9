package io.downline.platform.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;

/**
 * A service built without the projection (like user-service, which answers from its own members): its own
 * directory is the only one, and neither the projection's beans nor its channel exist.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
@TestProfile(MemberProjectionDisabledTest.ProjectionDisabled.class)
class MemberProjectionDisabledTest {

    public static class ProjectionDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(MemberProjectionConsumer.ENABLED, "false");
        }
    }

    @Inject
    MemberDirectory directory;

    @Test
    void serviceKeepsItsOwnDirectoryAndNoProjectionRuns() {
        assertThat(ClientProxy.unwrap(directory)).isInstanceOf(ServiceOwnMemberDirectory.class);
        assertThat(directory.find(ServiceOwnMemberDirectory.SUBJECT))
                .contains(new MemberIdentity(ServiceOwnMemberDirectory.MEMBER_ID, false));
        assertThat(Arc.container().select(ProjectedMemberDirectory.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().select(MemberProjectionConsumer.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().select(MemberProjectionStore.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().instance(ChannelRegistry.class).get().getIncomingNames()).doesNotContain("members");
    }
}
