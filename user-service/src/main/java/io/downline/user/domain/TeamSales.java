package io.downline.user.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A team's sales in one period (CV of its leader's and members' completed orders, net of refunds) and the
 * target set for that period. Written only through the atomic upserts of
 * {@link io.downline.user.repository.TeamSalesRepository}.
 */
@Entity
@Table(name = "team_sales")
public class TeamSales {

    @Id
    public Long id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    /** yyyy-MM, see {@link Period}. */
    @Column(nullable = false)
    public String period;

    @Column(name = "sales_volume", nullable = false)
    public BigDecimal salesVolume;

    @Column(name = "target_volume")
    public BigDecimal targetVolume;
}
