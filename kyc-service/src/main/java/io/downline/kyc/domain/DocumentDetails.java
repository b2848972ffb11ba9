package io.downline.kyc.domain;

import java.time.LocalDate;

/** The personal data printed on a document, stored only sealed. Either may be null. */
public record DocumentDetails(String documentNumber, LocalDate dateOfBirth) {

    public boolean isEmpty() {
        return documentNumber == null && dateOfBirth == null;
    }
}
