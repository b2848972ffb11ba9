package io.downline.notification.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.notification.domain.NotificationType;
import io.downline.notification.domain.Preference;
import io.downline.notification.repository.PreferenceRepository;
import io.downline.platform.domain.BusinessRuleException;
import io.downline.platform.domain.NotFoundException;

/** A member's preferences per notification type. */
@ApplicationScoped
public class PreferenceService {

    private final PreferenceRepository preferences;
    private final Clock clock;

    public PreferenceService(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** Every type, with the member's choice or the standard one (in the inbox, no e-mail). */
    @Transactional
    public List<Preference> all(UUID memberId) {
        Map<NotificationType, Preference> chosen = preferences.all(memberId).stream()
                .collect(Collectors.toMap(Preference::type, Function.identity()));
        return Arrays.stream(NotificationType.values())
                .map(type -> chosen.getOrDefault(type, Preference.standard(type))).toList();
    }

    @Transactional
    public Preference set(UUID memberId, String typeCode, boolean muted, boolean email) {
        NotificationType type = NotificationType.fromCode(typeCode)
                .orElseThrow(() -> new NotFoundException("No notification type " + typeCode));
        if (muted && email) {
            throw new BusinessRuleException("A muted type cannot also be sent by e-mail");
        }
        Preference preference = new Preference(type, muted, email);
        preferences.save(memberId, preference, clock.instant());
        return preference;
    }
}
