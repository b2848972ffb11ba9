package io.downline.incentive.domain;

/** Who wins when more members qualified than the program's maximum number of winners. */
public enum WinnerRule {
    /** The earliest to reach their final tier first; ties by member id. */
    FIRST_TO_QUALIFY,
    /** The highest leaderboard score first; ties by the earlier time that score was reached, then member id. */
    HIGHEST_PROGRESS
}
