package io.downline.kyc.repository;

import java.util.UUID;

/**
 * Where the sealed content of documents lives, segment by segment (see {@code EnvelopeCrypto}). It only ever sees
 * ciphertext. {@link PostgresDocumentStore} is the default; an object store can replace it by providing another
 * bean of this type (e.g. an {@code @Alternative @Priority(1)} one, key {@code <document id>/<index>}).
 * Implementations take part in the caller's transaction where they can: a failed upload leaves no segment behind.
 */
public interface DocumentStore {

    void write(UUID documentId, int index, byte[] ciphertext);

    /** The segment's ciphertext; {@link IllegalStateException} when it is missing (the store lost data). */
    byte[] read(UUID documentId, int index);
}
