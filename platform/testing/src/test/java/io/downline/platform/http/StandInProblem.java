package io.downline.platform.http;

/**
 * Stands in for platform/runtime's HTTP package, which platform/testing cannot depend on (the runtime's tests
 * depend on platform/testing): the architecture rules forbid the package, whatever class it holds.
 */
public class StandInProblem extends RuntimeException {

    public StandInProblem(int status) {
        super("status " + status);
    }
}
