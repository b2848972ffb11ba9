package io.downline.commission.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.downline.commission.domain.Rank;
import io.downline.platform.events.EventJson;

/**
 * The payloads of a close's {@code member.rank-changed} and {@code team.volume-updated} written straight into a
 * buffer: byte for byte what {@link EventJson#write} makes of {@code MemberRankChanged} and {@code TeamVolumeUpdated}
 * (field order, plain decimal strings, the instant as the shared mapper writes it), without a record, a UUID, a
 * BigDecimal or a string per event. The period and the instant, the same for every event of a close, are written
 * by the shared mapper once.
 */
final class CloseEventJson {

    private static final byte[] MEMBER_ID = ascii("{\"memberId\":\"");
    private static final byte[] PREVIOUS_RANK = ascii("\",\"previousRank\":\"");
    private static final byte[] NEW_RANK = ascii("\",\"newRank\":\"");
    private static final byte[] PERSONAL_VOLUME = ascii(",\"personalVolume\":\"");
    private static final byte[] GROUP_VOLUME = ascii("\",\"groupVolume\":\"");

    private final byte[] rankTail;
    private final byte[] periodAfterId;
    private final byte[] volumeTail;

    CloseEventJson(String period, Instant occurredAt) {
        String periodJson = EventJson.write(period);
        String occurredAtJson = EventJson.write(occurredAt);
        this.rankTail = ascii("\",\"period\":" + periodJson + ",\"occurredAt\":" + occurredAtJson + "}");
        this.periodAfterId = ascii("\",\"period\":" + periodJson);
        this.volumeTail = ascii("\",\"occurredAt\":" + occurredAtJson + "}");
    }

    void rankChanged(AsciiBuffer out, long idHigh, long idLow, Rank previousRank, Rank newRank) {
        out.bytes(MEMBER_ID).uuid(idHigh, idLow).bytes(PREVIOUS_RANK).ascii(previousRank.name()).bytes(NEW_RANK)
                .ascii(newRank.name()).bytes(rankTail);
    }

    void volumeUpdated(AsciiBuffer out, long idHigh, long idLow, long personalCents, long groupCents) {
        out.bytes(MEMBER_ID).uuid(idHigh, idLow).bytes(periodAfterId).bytes(PERSONAL_VOLUME).cents(personalCents)
                .bytes(GROUP_VOLUME).cents(groupCents).bytes(volumeTail);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
