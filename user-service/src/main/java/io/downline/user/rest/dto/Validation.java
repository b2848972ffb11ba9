package io.downline.user.rest.dto;

/** Input rules shared by several requests. */
final class Validation {

    static final String PHONE = "^\\+[1-9][0-9]{6,14}$";
    static final String PHONE_MESSAGE = "must be an E.164 number, e.g. +14155550123";

    private Validation() {
    }
}
