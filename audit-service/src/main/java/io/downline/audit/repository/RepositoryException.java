package io.downline.audit.repository;

/** A database failure: transient for the ingestion (retried), a 500 for a request. */
public class RepositoryException extends RuntimeException {

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
