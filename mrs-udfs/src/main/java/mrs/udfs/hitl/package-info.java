/**
 * Human in the loop: signed analyst actions, the roster of analysts allowed to act, the event status
 * state machine with its automation policy, and the model-protection directives. Pure Java 17, no
 * dependencies, deterministic (no wall clock, no randomness), so the same rules run in the Flink job,
 * the {@code mrs analyst} command line and the tests.
 *
 * <ul>
 *   <li>{@link mrs.udfs.hitl.AnalystAction}: one action and its canonical form (what is signed);</li>
 *   <li>{@link mrs.udfs.hitl.Signer}: HMAC-SHA256 signing and constant-time verification;</li>
 *   <li>{@link mrs.udfs.hitl.Roster}: authorised analysts and keys ({@code mrs/hitl/roster.properties});</li>
 *   <li>{@link mrs.udfs.hitl.ActionValidator}: accept or refuse an action, with a {@link mrs.udfs.hitl.Verdict};</li>
 *   <li>{@link mrs.udfs.hitl.EventStatus}: statuses, analyst transitions, automation, finaliser;</li>
 *   <li>{@link mrs.udfs.hitl.AutomationPolicy}: what the machine may confirm on its own;</li>
 *   <li>{@link mrs.udfs.hitl.ProtectionRules}: the {@link mrs.udfs.hitl.Directive} for a status change.</li>
 * </ul>
 *
 * <p>Flow in the job, per action: {@code ActionValidator.check} (refused → logged as refused with the
 * verdict's category and reason); then {@code EventStatus.next} on the target's current status (refused →
 * logged as refused with {@code EventStatus.refusal}); then the action id is recorded as seen, the action
 * goes to {@code edit_logs} / {@code minority_reports_finalisation_log}, and if the status changed,
 * {@code ProtectionRules.directive} gives the directive to publish.
 */
package mrs.udfs.hitl;
