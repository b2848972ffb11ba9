package io.downline.user.service;

/** The whole editable profile (a null phone clears it). */
public record ProfileChange(String name, String phone, String country) {
}
