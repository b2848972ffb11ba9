package io.downline.user.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.security.MemberDirectory;

/** Members are this service's own data: the subject maps to a member through the member table. */
@ApplicationScoped
public class MemberDirectoryImpl implements MemberDirectory {

    private final MemberRepository members;

    public MemberDirectoryImpl(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Optional<UUID> memberIdOf(String oidcSubject) {
        return members.findBySubject(oidcSubject).map(member -> member.id);
    }
}
