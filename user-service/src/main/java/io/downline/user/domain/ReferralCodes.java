package io.downline.user.domain;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Referral codes: 8 characters without look-alikes (no 0/O, 1/I/L), easy to read out and type. */
@ApplicationScoped
public class ReferralCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 8;

    /** A random code; 31^8 (8.5 * 10^11) of them, so a taken one comes up about once per million at 1M members. */
    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
