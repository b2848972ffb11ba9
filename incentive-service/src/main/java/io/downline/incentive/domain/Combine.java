package io.downline.incentive.domain;

/** How a tier's criteria combine: every one must hold, or any one. */
public enum Combine {
    ALL, ANY
}
