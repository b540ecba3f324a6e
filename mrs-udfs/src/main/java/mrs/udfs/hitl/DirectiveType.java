package mrs.udfs.hitl;

/** What a model-protection directive tells the bandits and marketing-mix models to do with a scope. */
public enum DirectiveType {
    /** Drop the scope's observations from training and baselines (a data error: the numbers are wrong). */
    EXCLUDE_WINDOW,
    /**
     * Keep the scope's observations at a reduced weight (real demand with an exogenous cause: viral,
     * competitor stock-out, operational disruption); the factor is {@link Directive#weight()}.
     */
    REWEIGHT,
    /** Do not credit the scope's lift to the campaign the models would otherwise credit (misattribution). */
    ADJUST_CREDIT,
    /** Withdraw every earlier directive for the event: it was a false positive, use the data as it is. */
    RELEASE
}
