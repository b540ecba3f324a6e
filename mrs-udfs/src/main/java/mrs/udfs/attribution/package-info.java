/**
 * Attribution of Minority Reports: why did sales move, with what confidence, and in which words.
 * Pure Java, no Flink, so the job, the offline tools and the tests share one model.
 *
 * <p>Inputs are immutable views built by the caller: {@link mrs.udfs.attribution.ReportView} (one report
 * revision with its features and data-health flags) and {@link mrs.udfs.attribution.SignalView} (one
 * context signal; {@link mrs.udfs.attribution.SignalView#matches} is the single matching rule).
 * {@link mrs.udfs.attribution.Taxonomy} loads the taxonomy and every model parameter from
 * {@code mrs/attribution/taxonomy.properties}. {@link mrs.udfs.attribution.AttributionModel} turns a report
 * and its matching signals into a {@link mrs.udfs.attribution.Proposal}: top three
 * {@link mrs.udfs.attribution.Candidate}s with calibrated probabilities, tier, narrative and evidence, or
 * the degraded {@code unknown} proposal. {@link mrs.udfs.attribution.Priority} ranks events for
 * escalation.
 *
 * <pre>{@code
 * AttributionModel model = new AttributionModel();          // once per operator; Serializable
 * Proposal p;
 * try {
 *     p = model.propose(report, SignalView.matching(activeSignals, report));
 * } catch (RuntimeException e) {
 *     p = Proposal.degraded(e.getClass().getSimpleName() + ": " + e.getMessage());
 * }
 * // p.cause(), p.confidence(), p.detectionType(), p.impactVector(), p.tier(), p.narrative(),
 * // p.evidence(), p.cause(2), p.confidence(2), p.cause(3), p.confidence(3), p.degraded()
 * }</pre>
 */
package mrs.udfs.attribution;
