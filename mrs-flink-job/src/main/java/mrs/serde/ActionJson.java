package mrs.serde;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import mrs.udfs.hitl.AnalystAction;
import mrs.udfs.hitl.TargetKind;

/** Writes an analyst action in the {@code mrs.analyst-actions} contract (the inverse of the deserializer). */
public final class ActionJson {
    private ActionJson() {}

    public static String toJson(AnalystAction a) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("action_id", a.actionId());
        o.put("analyst", a.analyst());
        o.put("issued_at", Instant.ofEpochMilli(a.issuedAt()).toString());
        o.put(a.targetKind() == TargetKind.REPORT ? "report_id" : "report_group_id", a.targetId());
        o.put("action", a.action());
        put(o, "cause", a.cause());
        put(o, "detection_type", a.detectionType());
        put(o, "narrative", a.narrative());
        put(o, "evidence_url", a.evidenceUrl());
        put(o, "reason", a.reason());
        put(o, "signature", a.signature());
        return o.toString();
    }

    private static void put(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }
}
