package mrs.udfs.detect;

/**
 * Which way an anomalous observation departs from its baseline. {@link #NONE} for anything that is not
 * anomalous (including warm-up), so a consumer can switch on it without also checking the flag.
 */
public enum Direction {
    /** Actual well above expected. */
    SPIKE,
    /** Actual well below expected. */
    DROP,
    /** Not anomalous. */
    NONE
}
