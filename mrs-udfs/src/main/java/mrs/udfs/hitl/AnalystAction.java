package mrs.udfs.hitl;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One human input from {@code mrs.analyst-actions}: who ({@code analyst}), when ({@code issuedAt}, epoch
 * milliseconds as written by the analyst's client), on what (a report {@code MR-…} or an event
 * {@code ME-…}), which action (the raw wire name, so an unknown action can still be carried, refused and
 * logged) and its payload, plus the HMAC-SHA256 {@code signature} over {@link #canonical()} (lower-case
 * hex, see {@link Signer}). Any field but {@code issuedAt} may be null; {@link ActionValidator} decides
 * whether the action is acceptable. Strings are kept exactly as received: no trimming or Unicode
 * normalisation, because they are signed byte for byte.
 *
 * <h2>Canonical form (what is signed)</h2>
 * <pre>
 * mrs-analyst-action-v1
 * action_id=&lt;value&gt;
 * analyst=&lt;value&gt;
 * issued_at=&lt;decimal epoch millis&gt;
 * target_kind=&lt;REPORT|EVENT&gt;
 * target_id=&lt;value&gt;
 * action=&lt;value&gt;
 * cause=&lt;value&gt;
 * detection_type=&lt;value&gt;
 * narrative=&lt;value&gt;
 * evidence_url=&lt;value&gt;
 * reason=&lt;value&gt;
 * </pre>
 * <ul>
 *   <li>A header line with the format version, then exactly these eleven lines in exactly this order
 *       (every field except {@code signature}); lines are separated by a single LF ({@code \n}), with no
 *       trailing LF; the whole text is encoded as UTF-8 for signing.</li>
 *   <li>A <b>null</b> field is written as its bare key with no {@code =} (e.g. {@code cause}); an
 *       <b>empty</b> string as the key and {@code =} with nothing after it ({@code cause=}). A value is
 *       everything after the first {@code =}, so {@code =} inside a value needs no escaping.</li>
 *   <li>Escaping (the only separator a value could forge is the line break): {@code \} → {@code \\},
 *       LF → {@code \n}, CR → {@code \r}; every other control character (U+0000–U+001F, U+007F) and
 *       every unpaired surrogate → {@code \}{@code uXXXX} (four lower-case hex digits). No other
 *       character is escaped.</li>
 *   <li>{@code issued_at} is {@link Long#toString(long)}; {@code target_kind} is the enum name.</li>
 * </ul>
 * {@link #parseCanonical} is the exact inverse, which is how the tests show the form is unambiguous.
 * JSON field names of the Kafka record are the canonical keys, except that the target is carried as
 * {@code report_id} or {@code report_group_id} ({@link TargetKind#jsonField()}).
 */
public record AnalystAction(
        String actionId,
        String analyst,
        long issuedAt,
        TargetKind targetKind,
        String targetId,
        String action,
        String cause,
        String detectionType,
        String narrative,
        String evidenceUrl,
        String reason,
        String signature) implements Serializable {

    /** First line of the canonical form; changes if the format ever changes. */
    public static final String CANONICAL_VERSION = "mrs-analyst-action-v1";

    /** Canonical keys, in canonical order (also the JSON field names, target aside). */
    public static final List<String> CANONICAL_KEYS = List.of(
            "action_id", "analyst", "issued_at", "target_kind", "target_id", "action",
            "cause", "detection_type", "narrative", "evidence_url", "reason");

    /** The action type for {@link #action()}; empty when it is not one of the six. */
    public Optional<ActionType> type() {
        return ActionType.fromWire(action);
    }

    /** Whether a signature is present (non-blank); says nothing about its validity. */
    public boolean signed() {
        return signature != null && !signature.isBlank();
    }

    /** A copy with the given signature. */
    public AnalystAction withSignature(String newSignature) {
        return new AnalystAction(actionId, analyst, issuedAt, targetKind, targetId, action, cause,
                detectionType, narrative, evidenceUrl, reason, newSignature);
    }

    /** The canonical serialisation of every field except the signature (see the class comment). */
    public String canonical() {
        StringBuilder b = new StringBuilder(256).append(CANONICAL_VERSION);
        line(b, "action_id", actionId);
        line(b, "analyst", analyst);
        line(b, "issued_at", Long.toString(issuedAt));
        line(b, "target_kind", targetKind == null ? null : targetKind.name());
        line(b, "target_id", targetId);
        line(b, "action", action);
        line(b, "cause", cause);
        line(b, "detection_type", detectionType);
        line(b, "narrative", narrative);
        line(b, "evidence_url", evidenceUrl);
        line(b, "reason", reason);
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append('\n').append(key);
        if (value != null) {
            b.append('=');
            escape(b, value);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f || loneSurrogate(s, i)) {
                b.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
            }
        }
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /**
     * Parses a canonical form back into an action carrying {@code signature}; strict: wrong header, a
     * missing, extra or out-of-order line, a bad escape or a bad number fail with
     * {@link IllegalArgumentException}. {@code parseCanonical(a.canonical(), a.signature())} equals {@code a}.
     */
    public static AnalystAction parseCanonical(String canonical, String signature) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= canonical.length(); i++) {
            if (i == canonical.length() || canonical.charAt(i) == '\n') {
                lines.add(canonical.substring(from, i));
                from = i + 1;
            }
        }
        if (lines.size() != CANONICAL_KEYS.size() + 1 || !lines.get(0).equals(CANONICAL_VERSION)) {
            throw new IllegalArgumentException("not a " + CANONICAL_VERSION + " canonical form of "
                    + (CANONICAL_KEYS.size() + 1) + " lines (got " + lines.size() + ")");
        }
        String[] v = new String[CANONICAL_KEYS.size()];
        for (int k = 0; k < v.length; k++) {
            String line = lines.get(k + 1);
            String key = CANONICAL_KEYS.get(k);
            if (line.equals(key)) {
                v[k] = null;
            } else if (line.startsWith(key + "=")) {
                v[k] = unescape(line.substring(key.length() + 1), key);
            } else {
                throw new IllegalArgumentException("line " + (k + 2) + " must be '" + key + "' or '" + key
                        + "=…', got: " + line);
            }
        }
        if (v[2] == null) {
            throw new IllegalArgumentException("issued_at cannot be null");
        }
        long issued;
        try {
            issued = Long.parseLong(v[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("issued_at is not a decimal long: " + v[2]);
        }
        if (!Long.toString(issued).equals(v[2])) {
            throw new IllegalArgumentException("issued_at is not in canonical decimal form: " + v[2]);
        }
        TargetKind kind;
        try {
            kind = v[3] == null ? null : TargetKind.valueOf(v[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target_kind must be REPORT or EVENT, got: " + v[3]);
        }
        AnalystAction parsed = new AnalystAction(v[0], v[1], issued, kind, v[4], v[5], v[6], v[7], v[8], v[9],
                v[10], signature);
        if (!parsed.canonical().equals(canonical)) {
            // e.g. an escape of a character that is written as itself: one action, one canonical text
            throw new IllegalArgumentException("not in canonical form (a character is escaped needlessly)");
        }
        return parsed;
    }

    private static String unescape(String s, String key) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                if (c == '\r' || c < 0x20 || c == 0x7f) {
                    throw new IllegalArgumentException(key + ": unescaped control character at " + i);
                }
                b.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new IllegalArgumentException(key + ": dangling backslash");
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\' -> b.append('\\');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalArgumentException(key + ": truncated \\u escape");
                    }
                    String hex = s.substring(i + 1, i + 5);
                    if (!hex.matches("[0-9a-f]{4}")) {
                        throw new IllegalArgumentException(key + ": bad \\u escape: " + hex);
                    }
                    b.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException(key + ": unknown escape \\" + e);
            }
        }
        return b.toString();
    }

    /** A builder starting from all-null fields and {@code issuedAt} 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this action's fields (signature included). */
    public Builder toBuilder() {
        return new Builder().actionId(actionId).analyst(analyst).issuedAt(issuedAt)
                .target(targetKind, targetId).action(action).cause(cause).detectionType(detectionType)
                .narrative(narrative).evidenceUrl(evidenceUrl).reason(reason).signature(signature);
    }

    /** Fluent builder, for the command line and tests. */
    public static final class Builder {
        private String actionId;
        private String analyst;
        private long issuedAt;
        private TargetKind targetKind;
        private String targetId;
        private String action;
        private String cause;
        private String detectionType;
        private String narrative;
        private String evidenceUrl;
        private String reason;
        private String signature;

        private Builder() {}

        public Builder actionId(String v) { actionId = v; return this; }
        public Builder analyst(String v) { analyst = v; return this; }
        public Builder issuedAt(long v) { issuedAt = v; return this; }
        public Builder target(TargetKind kind, String id) { targetKind = kind; targetId = id; return this; }
        /** Target a report ({@code MR-…}). */
        public Builder report(String reportId) { return target(TargetKind.REPORT, reportId); }
        /** Target an event ({@code ME-…}). */
        public Builder event(String reportGroupId) { return target(TargetKind.EVENT, reportGroupId); }
        public Builder action(String v) { action = v; return this; }
        public Builder action(ActionType v) { action = v == null ? null : v.wire(); return this; }
        public Builder cause(String v) { cause = v; return this; }
        public Builder detectionType(String v) { detectionType = v; return this; }
        public Builder narrative(String v) { narrative = v; return this; }
        public Builder evidenceUrl(String v) { evidenceUrl = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder signature(String v) { signature = v; return this; }

        public AnalystAction build() {
            return new AnalystAction(actionId, analyst, issuedAt, targetKind, targetId, action, cause,
                    detectionType, narrative, evidenceUrl, reason, signature);
        }
    }
}
