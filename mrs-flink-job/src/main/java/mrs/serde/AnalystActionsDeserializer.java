package mrs.serde;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import mrs.records.ActionRecord;

/**
 * Parses one {@code mrs.analyst-actions} record (DESIGN.md): the target is {@code report_id} or
 * {@code report_group_id}. Only the shape is checked here; who may do what, and the signature, are
 * checked by the validation stage against the roster.
 */
public final class AnalystActionsDeserializer implements Serializable {

    public ActionRecord parse(String payload) throws InvalidRecordException {
        ObjectNode o = JsonFields.object(payload);
        ActionRecord a = new ActionRecord();
        a.rawPayload = payload;
        a.actionId = JsonFields.requiredText(o, "action_id");
        a.analyst = JsonFields.requiredText(o, "analyst");
        a.issuedAt = JsonFields.requiredTime(o, "issued_at");
        String report = JsonFields.optionalText(o, "report_id");
        String event = JsonFields.optionalText(o, "report_group_id");
        if ((report == null) == (event == null)) {
            throw new InvalidRecordException("exactly one of report_id and report_group_id is required", a.issuedAt);
        }
        a.targetKind = report != null ? "REPORT" : "EVENT";
        a.targetId = report != null ? report : event;
        a.action = JsonFields.requiredText(o, "action");
        a.cause = JsonFields.optionalText(o, "cause");
        a.detectionType = JsonFields.optionalText(o, "detection_type");
        a.narrative = JsonFields.optionalText(o, "narrative");
        a.evidenceUrl = JsonFields.optionalText(o, "evidence_url");
        a.reason = JsonFields.optionalText(o, "reason");
        a.signature = JsonFields.optionalText(o, "signature");
        return a;
    }
}
