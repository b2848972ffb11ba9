package io.downline.platform.events;

import java.util.List;

/** The domain topics. Each carries the events of one domain, keyed by the aggregate's id. */
public final class Topics {

    public static final String USERS = "users.events.v1";
    public static final String KYC = "kyc.events.v1";
    public static final String ORDERS = "orders.events.v1";
    public static final String COMMISSIONS = "commissions.events.v1";
    public static final String PAYOUTS = "payouts.events.v1";
    public static final String INCENTIVES = "incentives.events.v1";

    public static final List<String> ALL = List.of(USERS, KYC, ORDERS, COMMISSIONS, PAYOUTS, INCENTIVES);

    private Topics() {
    }
}
