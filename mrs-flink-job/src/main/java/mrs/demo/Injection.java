package mrs.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A known anomaly planted in the generated history: for every listed store, the expected hourly
 * units of {@code sku} are multiplied by {@code multiplier} for {@code hours} hours from {@code
 * start}, before Poisson noise is drawn. The list of injections is the ground truth a detector run
 * is scored against, so an injection is only valid when its direction agrees with its multiplier.
 *
 * @param storeIds stores affected, in the order given
 * @param sku SKU affected
 * @param start first affected hour (an exact hour)
 * @param hours number of affected hours, at least one
 * @param multiplier factor on the expected units: above 1 for a spike, in [0, 1) for a drop
 * @param label short human-readable name, e.g. {@code tiktok-jupyter-challenge}
 * @param kind spike or drop
 */
public record Injection(
        List<String> storeIds, String sku, Instant start, int hours, double multiplier, String label, Kind kind) {

    /** Direction of the planted anomaly. */
    public enum Kind {
        SPIKE,
        DROP
    }

    public Injection {
        storeIds = List.copyOf(storeIds);
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (storeIds.isEmpty()) {
            throw new IllegalArgumentException("injection " + label + " has no stores");
        }
        if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("injection " + label + " must start on the hour: " + start);
        }
        if (hours < 1) {
            throw new IllegalArgumentException("injection " + label + " must last at least one hour");
        }
        boolean agrees = kind == Kind.SPIKE ? multiplier > 1 : multiplier >= 0 && multiplier < 1;
        if (!agrees) {
            throw new IllegalArgumentException(
                    "injection " + label + ": a " + kind + " cannot have multiplier " + multiplier);
        }
    }

    /** A spike: {@code multiplier} must be above 1. */
    public static Injection spike(
            String label, String sku, Instant start, int hours, double multiplier, List<String> storeIds) {
        return new Injection(storeIds, sku, start, hours, multiplier, label, Kind.SPIKE);
    }

    /** A drop: {@code multiplier} must be in [0, 1). */
    public static Injection drop(
            String label, String sku, Instant start, int hours, double multiplier, List<String> storeIds) {
        return new Injection(storeIds, sku, start, hours, multiplier, label, Kind.DROP);
    }

    /** Exclusive end of the affected period. */
    public Instant end() {
        return start.plus(Duration.ofHours(hours));
    }

    /** Whether the hour starting at {@code hourStart} of this store and SKU is affected. */
    public boolean covers(String storeId, String sku, Instant hourStart) {
        return this.sku.equals(sku)
                && !hourStart.isBefore(start)
                && hourStart.isBefore(end())
                && storeIds.contains(storeId);
    }
}
