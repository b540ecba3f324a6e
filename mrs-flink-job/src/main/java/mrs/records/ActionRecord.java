package mrs.records;

/** An analyst action from {@code mrs.analyst-actions}, parsed (not yet verified), with its raw payload. */
public class ActionRecord {
    public String actionId;
    public String analyst;
    public long issuedAt;
    /** REPORT or EVENT. */
    public String targetKind;
    public String targetId;
    public String action;
    public String cause;
    public String detectionType;
    public String narrative;
    public String evidenceUrl;
    public String reason;
    public String signature;
    /** Set by validation: the cause is outside the taxonomy (kept and flagged). */
    public boolean novelCause;
    public String rawPayload;

    public ActionRecord() {}
}
