package io.downline.user.service;

import java.time.Instant;

/** A meeting to schedule; {@link io.downline.user.domain.Meeting#schedule} checks its times. */
public record NewMeeting(String title, Instant startsAt, Instant endsAt, String location) {
}
