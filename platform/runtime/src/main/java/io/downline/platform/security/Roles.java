package io.downline.platform.security;

import java.util.Set;

/** The realm roles of the suite. */
public final class Roles {

    public static final String MEMBER = "member";
    public static final String ADMIN = "admin";
    public static final String KYC_OFFICER = "kyc-officer";
    public static final String FINANCE = "finance";
    public static final String AUDITOR = "auditor";

    /** Roles whose calls are staff actions, audited when they change something. */
    public static final Set<String> STAFF = Set.of(ADMIN, KYC_OFFICER, FINANCE, AUDITOR);

    private Roles() {
    }
}
