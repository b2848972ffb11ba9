package io.downline.platform.members;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.quarkus.arc.properties.IfBuildProperty;

/** Stands in for user-service's directory over its own table, in the test application built without the projection. */
@ApplicationScoped
@IfBuildProperty(name = MemberProjectionConsumer.ENABLED, stringValue = "false")
public class ServiceOwnMemberDirectory implements MemberDirectory {

    static final String SUBJECT = "own-table-subject";
    static final UUID MEMBER_ID = UUID.fromString("6f1d0c7e-3a52-4c43-9d55-0b7f2b1c9a10");

    @Override
    public Optional<MemberIdentity> find(String oidcSubject) {
        return SUBJECT.equals(oidcSubject) ? Optional.of(new MemberIdentity(MEMBER_ID, false)) : Optional.empty();
    }
}
