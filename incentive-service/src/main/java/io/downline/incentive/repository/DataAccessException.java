package io.downline.incentive.repository;

import java.sql.SQLException;

/** A failed statement; the platform treats it as transient in consumers and as a 500 (or a mapped 409) in HTTP. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
