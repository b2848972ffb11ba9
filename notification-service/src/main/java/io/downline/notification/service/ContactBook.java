package io.downline.notification.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.downline.notification.domain.Contact;
import io.downline.notification.repository.ContactRepository;

/**
 * The contacts one batch looks up, read once. Warmed with one query over every id in the batch's payloads; a
 * member not found is asked again (a registration earlier in the same batch may have added them), and a rename
 * makes the book forget what it read.
 */
final class ContactBook {

    private final ContactRepository contacts;
    private final Map<UUID, Contact> known = new HashMap<>();

    ContactBook(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Reads, in one query, the contacts of every id named in these payloads ({@code "...Id": "<uuid>"}). */
    void warm(Iterable<String> payloads) {
        Set<UUID> ids = new HashSet<>();
        for (String payload : payloads) {
            PayloadIds.collect(payload, ids);
        }
        if (!ids.isEmpty()) {
            contacts.findAll(ids).forEach(contact -> known.put(contact.memberId(), contact));
        }
    }

    Optional<Contact> find(UUID memberId) {
        Contact contact = known.get(memberId);
        if (contact != null) {
            return Optional.of(contact);
        }
        Optional<Contact> found = contacts.find(memberId);
        found.ifPresent(c -> known.put(memberId, c));
        return found;
    }

    void forget() {
        known.clear();
    }
}
