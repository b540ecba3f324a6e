/**
 * Baseline and anomaly maths for one series per key, free of Flink so it is unit-tested without a
 * cluster and reused by the offline scorer ({@code mrs.udfs.score}).
 *
 * <p>Use from a keyed function, one {@link mrs.udfs.detect.BaselineState} per key in a {@code
 * ValueState<BaselineState>} (a Flink POJO), one {@link mrs.udfs.detect.SeasonalDetector} per operator:
 *
 * <pre>{@code
 * SeasonalDetector detector = SeasonalDetector.calendar(Duration.ofHours(1)); // UK local time
 * ...
 * BaselineState s = baseline.value();
 * if (s == null) {
 *     s = new BaselineState();                 // laid out on the first update
 * }
 * Assessment a = detector.assess(s, windowStart, units);   // judge against the past only
 * detector.update(s, windowStart, units);                  // then learn, robustly
 * baseline.update(s);
 * if (a.anomalous()) { ... a.direction(), a.expected(), a.z(), a.lift(), a.score() ... }
 * }</pre>
 *
 * <p>Feed one observation per window and key <em>including windows with no sales (0)</em>: the
 * detector cannot tell a missing window from a quiet one, and a baseline taught only by windows that had
 * sales overestimates quiet hours and never sees a drop to zero. Observations must arrive in increasing
 * window order per key; a repeated or older window is assessed but not learned again.
 */
package mrs.udfs.detect;
