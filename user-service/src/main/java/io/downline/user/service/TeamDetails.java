package io.downline.user.service;

import java.util.List;

import io.downline.user.domain.Member;
import io.downline.user.domain.Team;

/** A team with its leader, its members and its performance. */
public record TeamDetails(Team team, Member leader, List<TeamMember> members, TeamPerformance performance) {
}
