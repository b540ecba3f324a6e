package mrs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.embedded.Publisher;
import mrs.serde.ActionJson;
import mrs.topology.Rosters;
import mrs.udfs.hitl.ActionType;
import mrs.udfs.hitl.AnalystAction;
import mrs.udfs.hitl.Roster;
import mrs.udfs.hitl.Signer;
import mrs.udfs.hitl.TargetKind;
import mrs.udfs.ids.Ids;

/**
 * {@code mrs analyst}: signs an analyst action with the analyst's HMAC key and publishes it to the
 * {@code mrs.analyst-actions} topic, or appends it to a JSON-lines file for {@code mrs replay --actions}.
 */
final class AnalystCommand {
    static final String USAGE = """
            usage: mrs analyst <action> (--report MR-... | --event ME-...) --analyst ID [options]

            actions: edit_attribution, add_evidence, confirm, reject_false_positive, finalise, reopen
                     (confirm, reject, finalise, reopen need --reason; edit_attribution needs --cause;
                      add_evidence needs --evidence-url or --narrative)

            options:
              --reason TEXT          why (logged with the action)
              --cause TEXT           cause (edit_attribution; a cause outside the taxonomy is kept and flagged)
              --detection-type T     detection type for the cause
              --narrative TEXT       note
              --evidence-url URL     link to evidence
              --key HEX              the analyst's HMAC-SHA256 key (default: from the roster, mrs.analyst.roster)
              --issued-at ISO        when the action is issued (default: now); event time of the action
              --action-id ID         default: derived from the action's content
              --bootstrap-servers H  publish to this Kafka cluster (topic mrs.kafka.topic.analyst-actions)
              --out FILE             append to this JSON-lines file instead (default: <data-dir>/analyst-actions.jsonl,
                                     which 'mrs replay --actions' reads)
              --config FILE, --set KEY=VALUE, --data-dir DIR
            """;

    private AnalystCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, 1, List.of("report", "event", "analyst", "reason", "cause", "detection-type", "narrative",
                "evidence-url", "key", "issued-at", "action-id", "bootstrap-servers", "out", "config", "data-dir"), List.of());
        if (a.help) {
            out.print(USAGE);
            return 0;
        }
        if (a.positional.size() != 1) {
            throw new Args.UsageException("expected one action (" + String.join(", ",
                    java.util.Arrays.stream(ActionType.values()).map(ActionType::wire).toList()) + ")");
        }
        String action = a.positional.get(0);
        if (ActionType.fromWire(action).isEmpty()) {
            throw new Args.UsageException("unknown action '" + action + "'");
        }
        if ((a.get("report") == null) == (a.get("event") == null)) {
            throw new Args.UsageException("give exactly one of --report MR-... and --event ME-...");
        }
        if (a.get("analyst") == null) {
            throw new Args.UsageException("--analyst is required");
        }
        MrsConfig cfg = a.config();
        TargetKind kind = a.get("report") != null ? TargetKind.REPORT : TargetKind.EVENT;
        String target = kind == TargetKind.REPORT ? a.get("report") : a.get("event");
        if (!kind.matches(target)) {
            throw new Args.UsageException("'" + target + "' is not a " + (kind == TargetKind.REPORT ? "report id (MR-...)" : "event id (ME-...)"));
        }
        long issuedAt = a.get("issued-at") == null ? System.currentTimeMillis()
                : OffsetDateTime.parse(a.get("issued-at")).toInstant().toEpochMilli();
        AnalystAction unsigned = new AnalystAction(a.get("action-id") == null ? "pending" : a.get("action-id"), a.get("analyst"),
                issuedAt, kind, target, action, a.get("cause"), a.get("detection-type"), a.get("narrative"),
                a.get("evidence-url"), a.get("reason"), null);
        if (a.get("action-id") == null) {
            unsigned = new AnalystAction("ACT-" + Ids.sha256Hex(unsigned.canonical(), 16), unsigned.analyst(), issuedAt, kind,
                    target, action, unsigned.cause(), unsigned.detectionType(), unsigned.narrative(), unsigned.evidenceUrl(),
                    unsigned.reason(), null);
        }
        AnalystAction signed;
        if (a.get("key") != null) {
            signed = Signer.signed(unsigned, a.get("key"));
        } else {
            Roster roster = Rosters.load(cfg);
            Roster.Analyst who = roster.lookup(a.get("analyst")).orElseThrow(() -> new Args.UsageException(
                    "analyst '" + a.get("analyst") + "' is not in the roster; pass --key or use a roster that has them"));
            signed = Signer.signed(unsigned, who.key());
        }
        String json = ActionJson.toJson(signed);
        if (a.get("bootstrap-servers") != null) {
            try (Publisher p = new Publisher(a.get("bootstrap-servers"))) {
                p.send(cfg.actionsTopic(), json, "action_id", "issued_at", -1);
                p.flush();
            }
            out.printf("published %s (%s on %s by %s) to %s%n", signed.actionId(), action, target, signed.analyst(), cfg.actionsTopic());
        } else {
            Path file = a.get("out") != null ? Path.of(a.get("out")) : cfg.dataDir().resolve("analyst-actions.jsonl");
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            out.printf("signed %s (%s on %s by %s at %s), appended to %s%n", signed.actionId(), action, target, signed.analyst(),
                    Instant.ofEpochMilli(issuedAt), file);
        }
        return 0;
    }
}
