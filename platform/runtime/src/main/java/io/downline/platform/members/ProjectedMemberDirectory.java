package io.downline.platform.members;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.quarkus.arc.DefaultBean;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The member a subject logs in as, from the member projection. Present only when the projection is enabled,
 * and a default bean: a service's own {@link MemberDirectory} wins over it.
 */
@ApplicationScoped
@DefaultBean
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "true")
public class ProjectedMemberDirectory implements MemberDirectory {

    private final MemberProjectionStore store;

    public ProjectedMemberDirectory(MemberProjectionStore store) {
        this.store = store;
    }

    @Override
    public Optional<MemberIdentity> find(String oidcSubject) {
        return store.findBySubject(oidcSubject)
                .map(member -> new MemberIdentity(member.memberId(), member.status().restricted()));
    }
}
