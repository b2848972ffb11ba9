package io.downline.kyc.domain;

/** The kinds of document a member uploads to a KYC case. */
public enum DocumentType {
    PASSPORT, NATIONAL_ID, DRIVING_LICENCE, PROOF_OF_ADDRESS, SELFIE, TAX_FORM
}
