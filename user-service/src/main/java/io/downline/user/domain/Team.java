package io.downline.user.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named group led by a member, whose members come from the leader's downline. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "leader_id", nullable = false, updatable = false)
    public UUID leaderId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The leader's group volume at the last period close (projection of team.volume-updated). */
    @Column(name = "last_close_volume")
    public BigDecimal lastCloseVolume;

    @Column(name = "last_close_period")
    public String lastClosePeriod;

    @Version
    public long version;

    public static Team create(String name, UUID leaderId, String createdBy, Instant now) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.name = name;
        team.leaderId = leaderId;
        team.createdBy = createdBy;
        team.createdAt = now;
        return team;
    }
}
