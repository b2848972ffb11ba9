package io.downline.user.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.security.MemberDirectory;
import io.downline.platform.security.MemberIdentity;
import io.downline.user.domain.MemberStatus;

/** Members are this service's own data: the subject maps to a member through the member table. */
@ApplicationScoped
public class MemberDirectoryImpl implements MemberDirectory {

    private final MemberRepository members;

    public MemberDirectoryImpl(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Optional<MemberIdentity> find(String oidcSubject) {
        return members.findBySubject(oidcSubject).map(member -> new MemberIdentity(member.id,
                member.status == MemberStatus.SUSPENDED || member.status == MemberStatus.TERMINATED));
    }
}
