package io.downline.kyc.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The depth of a verification. BASIC: one identity document and a selfie. FULL: BASIC plus a proof of address
 * and a tax form.
 */
public enum KycLevel {
    BASIC, FULL;

    private static final Set<DocumentType> IDENTITY = Set.of(DocumentType.PASSPORT, DocumentType.NATIONAL_ID,
            DocumentType.DRIVING_LICENCE);

    /** What a case of this level still lacks, given the types of its documents; empty when it may be submitted. */
    public List<String> missing(Collection<DocumentType> present) {
        List<String> missing = new ArrayList<>();
        if (present.stream().noneMatch(IDENTITY::contains)) {
            missing.add("an identity document (PASSPORT, NATIONAL_ID or DRIVING_LICENCE)");
        }
        List<DocumentType> required = this == BASIC ? List.of(DocumentType.SELFIE)
                : List.of(DocumentType.SELFIE, DocumentType.PROOF_OF_ADDRESS, DocumentType.TAX_FORM);
        required.stream().filter(type -> !present.contains(type)).forEach(type -> missing.add(type.name()));
        return missing;
    }
}
