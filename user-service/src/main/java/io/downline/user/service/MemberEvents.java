package io.downline.user.service;

import io.downline.platform.events.users.MemberRegistered;
import io.downline.user.domain.Member;

/** Event payloads built from a member. */
final class MemberEvents {

    private MemberEvents() {
    }

    static MemberRegistered registered(Member member) {
        return new MemberRegistered(member.id, member.email, member.name, member.phone, member.country,
                member.referralCode, member.sponsorId, member.oidcSubject, member.status.name(), member.registeredAt);
    }
}
