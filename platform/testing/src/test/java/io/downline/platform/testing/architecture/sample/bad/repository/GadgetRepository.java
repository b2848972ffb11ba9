package io.downline.platform.testing.architecture.sample.bad.repository;

import java.time.LocalDate;

import io.downline.platform.http.StandInProblem;

/** Throws a problem with an HTTP status and reads today's date from the system clock. */
public class GadgetRepository {

    public LocalDate lastDelivery() {
        throw new StandInProblem(404);
    }

    public boolean deliveredToday(LocalDate day) {
        return day.equals(LocalDate.now());
    }
}
