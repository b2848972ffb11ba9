package io.downline.platform.audit;

import jakarta.enterprise.context.RequestScoped;

/** Whether the current request called {@link AdminAudit#record}; read by {@link StaffAuditGuard}. */
@RequestScoped
public class AuditTrail {

    private boolean recorded;

    void markRecorded() {
        recorded = true;
    }

    boolean recorded() {
        return recorded;
    }
}
