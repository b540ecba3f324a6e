package mrs.udfs.attribution;

/**
 * How specifically a matching signal is aimed at a report, from the most to the least specific. The
 * attribution model trusts a signal naming the store more than one that merely covers the whole country,
 * because a broad signal also "matches" every store that moved for another reason.
 */
public enum ScopeLevel {
    /** The signal lists the report's store. */
    STORE,
    /** The signal is scoped to the report's city. */
    CITY,
    /** The signal is scoped to the report's region. */
    REGION,
    /** The signal is scoped to the report's country. */
    COUNTRY,
    /** The signal carries no geographic scope at all (matches everywhere). */
    UNSCOPED
}
