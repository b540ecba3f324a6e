package mrs.functions;

import java.time.Duration;
import java.util.Set;
import mrs.records.ActionRecord;
import mrs.records.RefusedAction;
import mrs.udfs.attribution.Taxonomy;
import mrs.udfs.hitl.AnalystAction;
import mrs.udfs.hitl.ActionValidator;
import mrs.udfs.hitl.Roster;
import mrs.udfs.hitl.TargetKind;
import mrs.udfs.hitl.Verdict;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Verifies analyst actions, keyed by action id: the analyst must be in the roster, the HMAC-SHA256
 * signature over the canonical action must verify with their key, the id must not have been accepted
 * before (replay), and the action must be complete. Accepted actions go on (novel causes flagged);
 * refused ones go to {@link #REFUSED} with the category and reason.
 *
 * <p>End of life: the accepted marker of an action id expires after {@link #REPLAY_WINDOW}.
 */
public class ValidateActionFunction extends KeyedProcessFunction<String, ActionRecord, ActionRecord> {
    public static final OutputTag<RefusedAction> REFUSED =
            new OutputTag<>("refused-actions", org.apache.flink.api.common.typeinfo.TypeInformation.of(RefusedAction.class));
    /** How long an accepted action id is remembered for replay detection. */
    public static final Duration REPLAY_WINDOW = Duration.ofDays(90);

    private final Roster roster;
    private transient Taxonomy taxonomy;
    private transient ValueState<Boolean> accepted; // TTL REPLAY_WINDOW
    private transient Counter refusedCount;

    public ValidateActionFunction(Roster roster) {
        this.roster = roster;
    }

    @Override
    public void open(OpenContext ctx) {
        taxonomy = Taxonomy.load();
        ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("accepted", Types.BOOLEAN);
        d.enableTimeToLive(StateTtlConfig.newBuilder(REPLAY_WINDOW).build());
        accepted = getRuntimeContext().getState(d);
        refusedCount = getRuntimeContext().getMetricGroup().counter("analyst-actions-refused");
    }

    @Override
    public void processElement(ActionRecord a, Context ctx, Collector<ActionRecord> out) throws Exception {
        Set<String> seen = Boolean.TRUE.equals(accepted.value()) ? Set.of(a.actionId) : Set.of();
        Verdict v;
        try {
            AnalystAction action = new AnalystAction(a.actionId, a.analyst, a.issuedAt, TargetKind.valueOf(a.targetKind),
                    a.targetId, a.action, a.cause, a.detectionType, a.narrative, a.evidenceUrl, a.reason, a.signature);
            v = ActionValidator.check(action, roster, seen, taxonomy::isKnownCause);
        } catch (RuntimeException e) {
            v = Verdict.refuse(Verdict.Category.MALFORMED, String.valueOf(e.getMessage()));
        }
        if (!v.accepted()) {
            refusedCount.inc();
            ctx.output(REFUSED, refused(a, v.category().name(), v.reason()));
            return;
        }
        accepted.update(true);
        a.novelCause = v.novelCause();
        out.collect(a);
    }

    /** A refusal row for an action (parsed or not). */
    public static RefusedAction refused(ActionRecord a, String category, String reason) {
        RefusedAction r = new RefusedAction();
        r.refusalId = "RA-" + Ids.sha256Hex(category + "|" + a.actionId + "|" + a.rawPayload, 16);
        r.actionId = a.actionId;
        r.analyst = a.analyst;
        r.targetId = a.targetId;
        r.action = a.action;
        r.category = category;
        r.reason = reason;
        r.rawPayload = a.rawPayload;
        r.issuedAt = a.issuedAt > 0 ? a.issuedAt : null;
        r.writtenAt = r.issuedAt;
        return r;
    }
}
