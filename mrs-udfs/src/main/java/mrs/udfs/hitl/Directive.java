package mrs.udfs.hitl;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One model-protection directive, as published on {@code mrs.model-protection} and appended to
 * {@code model_protection_log}; built by {@link ProtectionRules}.
 *
 * @param directiveId {@code PD-} + 16 hex, see {@link ProtectionRules#directiveId}
 * @param eventId the event ({@code report_group_id}) it protects against
 * @param type what to do
 * @param status the event status that produced it
 * @param detectionType the event's detection type (taxonomy label when recognised, else as given; may be null)
 * @param confidence the attribution confidence; null when analyst-set or degraded
 * @param stores the stores in scope, sorted and distinct (never empty)
 * @param skus the SKUs in scope, sorted and distinct; empty = every SKU of those stores
 * @param windowStart start of the time range (epoch millis, inclusive)
 * @param windowEnd end of the time range (epoch millis, exclusive); null while the event has not ended
 *     (the directive then holds until a later one with the end replaces it)
 * @param weight the observation weight for {@link DirectiveType#REWEIGHT} (0.05..1), null for other types
 * @param writtenAt the event time that produced the directive (deterministic, never wall clock)
 */
public record Directive(
        String directiveId,
        String eventId,
        DirectiveType type,
        EventStatus status,
        String detectionType,
        Double confidence,
        List<String> stores,
        List<String> skus,
        long windowStart,
        Long windowEnd,
        Double weight,
        long writtenAt) implements Serializable {

    public Directive {
        Objects.requireNonNull(directiveId, "directiveId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        stores = List.copyOf(stores);
        skus = List.copyOf(skus);
        if ((type == DirectiveType.REWEIGHT) != (weight != null)) {
            throw new IllegalArgumentException("a weight is given exactly for REWEIGHT directives");
        }
    }
}
