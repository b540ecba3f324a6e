/**
 * The demo estate: a deterministic generator of UK grocery stores ({@code mrs.stores}) and weeks of
 * their point-of-sale history ({@code mrs.sales}), with known anomalies and malformed records
 * planted in it. Used by {@code mrs demo} and by tests; never shipped in the job jar. Start from
 * {@link mrs.demo.EstateSpec#defaults()} and {@link mrs.demo.EstateGenerator}.
 */
package mrs.demo;
