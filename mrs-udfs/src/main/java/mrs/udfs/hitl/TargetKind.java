package mrs.udfs.hitl;

import java.util.regex.Pattern;

/**
 * What an analyst action is aimed at: one report ({@code report_id}, {@code MR-} + 16 lower-case hex
 * digits, see {@code mrs.udfs.ids.Ids#reportId}) or one Minority Event ({@code report_group_id},
 * {@code ME-} + 12 lower-case hex digits).
 */
public enum TargetKind {
    /** A single report, {@code MR-} + 16 hex. JSON field {@code report_id}. */
    REPORT("report_id", Pattern.compile("MR-[0-9a-f]{16}")),
    /** A Minority Event (cohort), {@code ME-} + 12 hex. JSON field {@code report_group_id}. */
    EVENT("report_group_id", Pattern.compile("ME-[0-9a-f]{12}"));

    private final String jsonField;
    private final Pattern idPattern;

    TargetKind(String jsonField, Pattern idPattern) {
        this.jsonField = jsonField;
        this.idPattern = idPattern;
    }

    /** The field of the {@code mrs.analyst-actions} JSON record that carries an id of this kind. */
    public String jsonField() {
        return jsonField;
    }

    /** The regular expression an id of this kind must match in full. */
    public String idPattern() {
        return idPattern.pattern();
    }

    /** Whether the id is well formed for this kind (exact, case-sensitive). */
    public boolean matches(String id) {
        return id != null && idPattern.matcher(id).matches();
    }

    /** The kind whose id pattern the id matches; null when it matches neither. */
    public static TargetKind ofId(String id) {
        for (TargetKind k : values()) {
            if (k.matches(id)) {
                return k;
            }
        }
        return null;
    }
}
