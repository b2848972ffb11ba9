package io.downline.platform.audit;

import jakarta.enterprise.context.RequestScoped;

/** Whether the current request called {@link AdminAudit#record}; read by {@link StaffAuditGuard}. */
@RequestScoped
public class AuditTrail {

    private boolean recorded;
    private boolean unchanged;

    void markRecorded() {
        recorded = true;
    }

    /** The request changed nothing (an Idempotency-Key replay answered from the stored response): nothing to audit. */
    public void markUnchanged() {
        unchanged = true;
    }

    boolean recorded() {
        return recorded || unchanged;
    }
}
