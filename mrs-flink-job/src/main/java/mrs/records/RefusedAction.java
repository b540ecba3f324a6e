package mrs.records;

/** A refused analyst action, as written to {@code analyst_actions_refused}. */
public class RefusedAction {
    public String refusalId;
    public String actionId;
    public String analyst;
    public String targetId;
    public String action;
    public String category;
    public String reason;
    public String rawPayload;
    public Long issuedAt;
    public Long writtenAt;

    public RefusedAction() {}
}
