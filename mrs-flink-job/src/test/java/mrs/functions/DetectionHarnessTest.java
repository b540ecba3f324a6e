package mrs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mrs.config.MrsConfig;
import mrs.records.EpisodeEnded;
import mrs.records.Report;
import mrs.records.SaleEvent;
import mrs.records.SkuWindow;
import mrs.topology.Detection;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The detection functions in operator harnesses: verdicts, episode identity, revisions, end of life. */
class DetectionHarnessTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    /** A Monday 00:00 UTC, so history covers whole weeks. */
    private static final long T0 = Instant.parse("2025-07-07T00:00:00Z").toEpochMilli();
    private static final MrsConfig CFG = MrsConfig.defaults();

    private static SaleEvent sale(long t, int units) {
        SaleEvent e = new SaleEvent();
        e.eventId = "e-" + t;
        e.storeId = "LON-001";
        e.sku = "SKU-1";
        e.eventTime = t;
        e.units = units;
        e.revenue = units * 2.0;
        e.currency = "GBP";
        return e;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SaleEvent, SkuWindow> detectorHarness() throws Exception {
        SkuWindowDetector fn = new SkuWindowDetector(Detection.detector(CFG), CFG.windowSize(), CFG.allowedLateness(),
                CFG.maxSilentWindows());
        KeyedOneInputStreamOperatorTestHarness<String, SaleEvent, SkuWindow> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(fn), SaleEvent::storeSkuKey, Types.STRING);
        h.open();
        return h;
    }

    /** Steady sales with a daily shape: busy by day, quiet at night. */
    private static int steadyUnits(long hourStart) {
        int hourOfDay = (int) ((hourStart / HOUR) % 24);
        return hourOfDay >= 8 && hourOfDay < 20 ? 30 + (int) ((hourStart / HOUR) % 5) : 1;
    }

    @Test
    void spikeAfterWarmUpIsAnomalousAndHistoryIsNot() throws Exception {
        var h = detectorHarness();
        long spikeHour = T0 + 14 * 24 * HOUR + 12 * HOUR;
        for (long t = T0; t <= spikeHour + 5 * HOUR; t += HOUR) {
            int units = t == spikeHour ? 120 : steadyUnits(t);
            h.processElement(new StreamRecord<>(sale(t + 30 * 60_000, units), t + 30 * 60_000));
            h.processWatermark(t + HOUR - 1);
        }
        List<SkuWindow> out = h.extractOutputValues();
        assertThat(out).hasSize(1);
        SkuWindow w = out.get(0);
        assertThat(w.windowStart).isEqualTo(spikeHour);
        assertThat(w.anomalous).isTrue();
        assertThat(w.direction).isEqualTo("SPIKE");
        assertThat(w.actualUnits).isEqualTo(120.0);
        assertThat(w.expectedUnits).isBetween(27.0, 37.0);
        h.close();
    }

    @Test
    void emptyWindowsAreStillAssessedSoADropToZeroIsSeen() throws Exception {
        var h = detectorHarness();
        long outage = T0 + 14 * 24 * HOUR + 10 * HOUR;
        for (long t = T0; t < outage; t += HOUR) {
            h.processElement(new StreamRecord<>(sale(t + 60_000, steadyUnits(t)), t + 60_000));
            h.processWatermark(t + HOUR - 1);
        }
        // The feed goes silent for three busy hours: no sales at all reach the detector.
        h.processWatermark(outage + 3 * HOUR - 1);
        List<SkuWindow> out = h.extractOutputValues();
        assertThat(out).extracting(w -> w.windowStart).containsExactly(outage, outage + HOUR, outage + 2 * HOUR);
        assertThat(out).allSatisfy(w -> {
            assertThat(w.direction).isEqualTo("DROP");
            assertThat(w.actualUnits).isZero();
        });
        h.close();
    }

    @Test
    void lateDataWithinLatenessRevisesTheWindowAndLaterDataIsRefused() throws Exception {
        var h = detectorHarness();
        long hour = T0 + 14 * 24 * HOUR + 12 * HOUR;
        for (long t = T0; t < hour; t += HOUR) {
            h.processElement(new StreamRecord<>(sale(t + 60_000, steadyUnits(t)), t + 60_000));
            h.processWatermark(t + HOUR - 1);
        }
        h.processElement(new StreamRecord<>(sale(hour + 60_000, 31), hour + 60_000));
        h.processWatermark(hour + HOUR - 1);
        assertThat(h.extractOutputValues()).isEmpty();
        // A late burst for the closed window within the allowed lateness: re-fired, now anomalous.
        h.processElement(new StreamRecord<>(sale(hour + 120_000, 90), hour + 120_000));
        assertThat(h.extractOutputValues()).singleElement().satisfies(w -> {
            assertThat(w.windowStart).isEqualTo(hour);
            assertThat(w.actualUnits).isEqualTo(121.0);
            assertThat(w.anomalous).isTrue();
        });
        // Past the lateness: refused to the errors side output, nothing else changes.
        h.processWatermark(hour + HOUR - 1 + CFG.allowedLateness().toMillis() + HOUR);
        h.processElement(new StreamRecord<>(sale(hour + 180_000, 5), hour + 180_000));
        assertThat(h.getSideOutput(Tags.ERRORS)).singleElement()
                .satisfies(r -> assertThat(r.getValue().stage).isEqualTo("late-sales"));
        h.close();
    }

    @Test
    void verdictsDoNotDependOnHowFarTheWatermarkLags() throws Exception {
        long spikeHour = T0 + 14 * 24 * HOUR + 12 * HOUR;
        long silentFrom = spikeHour - 26 * HOUR; // three busy hours with no sales at all: a drop
        var a = detectorHarness();
        var b = detectorHarness();
        for (long t = T0; t <= spikeHour + 5 * HOUR; t += HOUR) {
            if (t < silentFrom || t >= silentFrom + 3 * HOUR) {
                int units = t == spikeHour ? 120 : steadyUnits(t);
                a.processElement(new StreamRecord<>(sale(t + 30 * 60_000, units), t + 30 * 60_000));
                b.processElement(new StreamRecord<>(sale(t + 30 * 60_000, units), t + 30 * 60_000));
            }
            a.processWatermark(t + HOUR - 1);
        }
        a.processWatermark(Long.MAX_VALUE);
        // b sees no watermark until the input ends: every window fires in one backlog at the end.
        b.processWatermark(Long.MAX_VALUE);
        List<String> perHour = a.extractOutputValues().stream()
                .map(w -> w.windowStart + ":" + w.direction + ":" + w.actualUnits + ":" + w.expectedUnits).toList();
        List<String> atEnd = b.extractOutputValues().stream()
                .map(w -> w.windowStart + ":" + w.direction + ":" + w.actualUnits + ":" + w.expectedUnits).toList();
        assertThat(perHour).anyMatch(v -> v.startsWith(silentFrom + ":DROP")).anyMatch(v -> v.contains(":SPIKE:"));
        assertThat(atEnd).isEqualTo(perHour);
        a.close();
        b.close();
    }

    // ---- store-level episodes ----

    private static SkuWindow window(String sku, long start, boolean anomalous, double actual) {
        SkuWindow w = new SkuWindow();
        w.storeId = "LON-001";
        w.sku = sku;
        w.windowStart = start;
        w.windowEnd = start + HOUR;
        w.actualUnits = actual;
        w.expectedUnits = 10;
        w.spread = 3;
        w.z = (actual - 10) / 3;
        w.lift = actual / 10;
        w.direction = anomalous ? "SPIKE" : "NONE";
        w.anomalous = anomalous;
        w.actualRevenue = actual * 2;
        w.expectedRevenue = 20;
        return w;
    }

    private static KeyedBroadcastOperatorTestHarness<String, SkuWindow, mrs.records.StoreInfo, Report> episodeHarness()
            throws Exception {
        EpisodeFunction fn = new EpisodeFunction(CFG.windowSize(), CFG.allowedLateness(), CFG.quietWindows(),
                CFG.minEpisodeWindows(), CFG.singleWindowZ());
        var h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                fn, w -> w.storeId, Types.STRING, EpisodeFunction.STORES);
        // As in the job: the store dimension never holds event time back.
        h.processBroadcastWatermark(Long.MAX_VALUE - 1);
        return h;
    }

    @Test
    void episodeKeepsItsReportIdAcrossRevisionsAndEndsLeavingNoTimersOrState() throws Exception {
        var h = episodeHarness();
        long w0 = T0 + 10 * HOUR;
        h.processElement(window("SKU-1", w0, true, 50), w0 + HOUR - 1);
        h.processElement(window("SKU-2", w0, true, 40), w0 + HOUR - 1);
        h.processWatermark(w0 + HOUR - 1);
        h.processElement(window("SKU-1", w0 + HOUR, true, 45), w0 + 2 * HOUR - 1);
        h.processWatermark(w0 + 2 * HOUR - 1);
        // Late data revises the first window of the episode.
        h.processElement(window("SKU-2", w0, true, 55), w0 + HOUR - 1);
        h.processWatermark(w0 + 3 * HOUR - 1);

        List<Report> revs = h.extractOutputValues();
        String id = Ids.reportId("LON-001", w0);
        assertThat(revs).extracting(r -> r.reportId).containsOnly(id);
        assertThat(revs).extracting(r -> r.revision).containsExactly(1, 2, 3);
        assertThat(revs.get(0).actualUnits).isEqualTo(90.0);
        assertThat(revs.get(0).skus).isEqualTo("SKU-1,SKU-2");
        assertThat(revs.get(1).actualUnits).isEqualTo(135.0);
        assertThat(revs.get(2).actualUnits).isEqualTo(150.0);
        assertThat(revs.get(2).windowStart).isEqualTo(w0);
        assertThat(revs.get(2).windowEnd).isEqualTo(w0 + 2 * HOUR);
        assertThat(h.getSideOutput(Tags.ENDED)).isNullOrEmpty();

        // Enough normal windows (and the lateness) pass: the episode ends and leaves nothing behind.
        long endAt = w0 + 2 * HOUR + CFG.quietWindows() * HOUR - 1 + CFG.allowedLateness().toMillis();
        h.processWatermark(endAt);
        List<EpisodeEnded> ended = h.getSideOutput(Tags.ENDED).stream().map(StreamRecord::getValue).toList();
        assertThat(ended).singleElement().satisfies(e -> {
            assertThat(e.reportId).isEqualTo(id);
            assertThat(e.windowEnd).isEqualTo(w0 + 2 * HOUR);
            assertThat(e.finalRevision).isEqualTo(3);
        });
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                .isZero();

        // A new anomaly afterwards founds a new episode with a new id.
        long w1 = endAt + 1 + 5 * HOUR;
        h.processElement(window("SKU-1", w1, true, 50), w1 + HOUR - 1);
        h.processWatermark(w1 + HOUR - 1);
        assertThat(h.extractOutputValues()).last().satisfies(r -> {
            assertThat(r.reportId).isEqualTo(Ids.reportId("LON-001", w1)).isNotEqualTo(id);
            assertThat(r.revision).isEqualTo(1);
        });
        h.close();
    }

    @Test
    void revisionsDoNotDependOnHowFarTheWatermarkLags() throws Exception {
        long w0 = T0 + 10 * HOUR;
        var stepwise = episodeHarness();
        var atOnce = episodeHarness();
        // Six windows: the episode's end timer (last anomalous end + quiet windows + lateness) lands on the
        // time of a buffered later window's own timer; the revisions must still carry their windows' times.
        for (int i = 0; i < 6; i++) {
            SkuWindow w = window("SKU-1", w0 + i * HOUR, true, 30 + i);
            stepwise.processElement(w, w.windowEnd - 1);
            stepwise.processWatermark(w.windowEnd - 1);
            atOnce.processElement(w, w.windowEnd - 1);
        }
        // a second episode after a long quiet spell, still before the lagging watermark moves
        SkuWindow late = window("SKU-2", w0 + 20 * HOUR, true, 60);
        stepwise.processElement(late, late.windowEnd - 1);
        atOnce.processElement(late, late.windowEnd - 1);
        stepwise.processWatermark(Long.MAX_VALUE);
        atOnce.processWatermark(Long.MAX_VALUE);
        List<StreamRecord<Report>> a = revisions(stepwise.getOutput());
        List<StreamRecord<Report>> b = revisions(atOnce.getOutput());
        assertThat(a).hasSize(7);
        assertThat(b.stream().map(DetectionHarnessTest::stamped).toList())
                .isEqualTo(a.stream().map(DetectionHarnessTest::stamped).toList());
        for (StreamRecord<Report> r : b) {
            Report rep = r.getValue();
            assertThat(r.getTimestamp()).as(rep.reportId + "#" + rep.revision).isEqualTo(rep.windowEnd - 1);
        }
        assertThat(atOnce.getSideOutput(Tags.ENDED)).hasSize(2);
        stepwise.close();
        atOnce.close();
    }

    @Test
    void aLoneWeakBlipIsSuppressedAndLeavesNothingBehind() throws Exception {
        var h = episodeHarness();
        long w0 = T0 + 10 * HOUR;
        h.processElement(window("SKU-1", w0, true, 22), w0 + HOUR - 1); // z = 4: anomalous, not striking
        h.processWatermark(w0 + 24 * HOUR);
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.getSideOutput(Tags.ENDED)).isNullOrEmpty();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(((HeapKeyedStateBackend<?>) h.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                .isZero();
        h.close();
    }

    @Test
    void aSecondWeakWindowConfirmsTheEpisodeFromItsFirstWindow() throws Exception {
        var h = episodeHarness();
        long w0 = T0 + 10 * HOUR;
        h.processElement(window("SKU-1", w0, true, 22), w0 + HOUR - 1);
        h.processWatermark(w0 + HOUR - 1);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processElement(window("SKU-1", w0 + HOUR, true, 23), w0 + 2 * HOUR - 1);
        h.processWatermark(w0 + 2 * HOUR - 1);
        assertThat(h.extractOutputValues()).singleElement().satisfies(r -> {
            assertThat(r.reportId).isEqualTo(Ids.reportId("LON-001", w0));
            assertThat(r.revision).isEqualTo(1);
            assertThat(r.anomalousWindows).isEqualTo(2);
            assertThat(r.actualUnits).isEqualTo(45.0);
        });
        h.close();
    }

    @Test
    void aRetractedWindowLeavesTheEpisodeTotals() throws Exception {
        var h = episodeHarness();
        long w0 = T0 + 10 * HOUR;
        h.processElement(window("SKU-1", w0, true, 50), w0 + HOUR - 1);
        h.processElement(window("SKU-2", w0, true, 40), w0 + HOUR - 1);
        h.processWatermark(w0 + HOUR - 1);
        h.processElement(window("SKU-2", w0, false, 12), w0 + HOUR - 1);
        h.processWatermark(w0 + HOUR);
        assertThat(h.extractOutputValues()).last().satisfies(r -> {
            assertThat(r.revision).isEqualTo(2);
            assertThat(r.skus).isEqualTo("SKU-1");
            assertThat(r.actualUnits).isEqualTo(50.0);
        });
        h.close();
    }

    @Test
    void aKeyThatStopsSellingIsForgottenStateTtlAfterItsLastSaleInEventTime() throws Exception {
        var h = detectorHarness();
        long lastSale = T0 + 3 * 24 * HOUR;
        for (long t = T0; t <= lastSale; t += HOUR) {
            h.processElement(new StreamRecord<>(sale(t + 60_000, steadyUnits(t)), t + 60_000));
            h.processWatermark(t + HOUR - 1);
        }
        long lastWindow = Math.floorDiv(lastSale + 60_000, HOUR) * HOUR;
        // Dormant after max-silent-windows, but the baseline is kept: the key may sell again.
        h.processWatermark(lastWindow + (CFG.maxSilentWindows() + 5) * HOUR);
        assertThat(h.numKeyedStateEntries()).as("baseline and last-sale marker kept while dormant").isEqualTo(2);
        assertThat(h.numEventTimeTimers()).as("one end-of-life timer").isEqualTo(1);
        h.processWatermark(lastWindow + SkuWindowDetector.STATE_TTL.toMillis() - 1);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);
        h.processWatermark(lastWindow + SkuWindowDetector.STATE_TTL.toMillis());
        assertThat(h.numKeyedStateEntries()).as("forgotten STATE_TTL after the last sale").isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aSaleBeforeTheEndOfLifeKeepsTheBaseline() throws Exception {
        var h = detectorHarness();
        long lastSale = T0 + 3 * 24 * HOUR;
        for (long t = T0; t <= lastSale; t += HOUR) {
            h.processElement(new StreamRecord<>(sale(t + 60_000, steadyUnits(t)), t + 60_000));
            h.processWatermark(t + HOUR - 1);
        }
        long dormant = lastSale + (CFG.maxSilentWindows() + 5) * HOUR;
        h.processWatermark(dormant);
        // It sells again well before the old end of life ...
        long again = dormant + 24 * HOUR;
        h.processElement(new StreamRecord<>(sale(again, 10), again));
        h.processWatermark(again + 2 * HOUR);
        // ... so the first end-of-life timer passes without clearing anything.
        long firstEndOfLife = Math.floorDiv(lastSale + 60_000, HOUR) * HOUR + SkuWindowDetector.STATE_TTL.toMillis();
        h.processWatermark(firstEndOfLife + HOUR);
        assertThat(h.numKeyedStateEntries()).as("baseline kept: the key sold again").isGreaterThanOrEqualTo(2);
        h.close();
    }

    private static SkuWindow zeroDrop(String sku, long start) {
        SkuWindow w = window(sku, start, true, 0);
        w.direction = "DROP";
        return w;
    }

    @Test
    void theFeedGapPatternIsAnHourOfZeroDropsEvenWhenTheEpisodeGoesOn() {
        long w0 = T0 + 10 * HOUR;
        List<SkuWindow> gap = List.of(zeroDrop("SKU-1", w0), zeroDrop("SKU-2", w0), zeroDrop("SKU-1", w0 + HOUR),
                zeroDrop("SKU-2", w0 + HOUR));
        assertThat(EpisodeFunction.feedGap(gap)).isTrue();
        // one noisy SKU in the window after the gap does not erase it
        List<SkuWindow> after = new java.util.ArrayList<>(gap);
        after.add(window("SKU-3", w0 + 2 * HOUR, true, 40));
        assertThat(EpisodeFunction.feedGap(after)).isTrue();
        // one SKU at zero is a SKU, not a feed
        assertThat(EpisodeFunction.feedGap(List.of(zeroDrop("SKU-1", w0), zeroDrop("SKU-1", w0 + HOUR)))).isFalse();
        // an hour where one SKU fell to zero while another spiked is not a gap
        assertThat(EpisodeFunction.feedGap(List.of(zeroDrop("SKU-1", w0), window("SKU-2", w0, true, 40)))).isFalse();
        // nor is a drop that kept some sales
        SkuWindow partial = window("SKU-2", w0, true, 2);
        partial.direction = "DROP";
        assertThat(EpisodeFunction.feedGap(List.of(zeroDrop("SKU-1", w0), partial))).isFalse();
    }

    /** The report revisions of a harness's output with the timestamps they were emitted at, in order. */
    @SuppressWarnings("unchecked")
    private static List<StreamRecord<Report>> revisions(java.util.Collection<Object> output) {
        return output.stream().filter(o -> o instanceof StreamRecord<?> r && r.getValue() instanceof Report)
                .map(o -> (StreamRecord<Report>) o).toList();
    }

    private static String stamped(StreamRecord<Report> r) {
        Report rep = r.getValue();
        return rep.reportId + "#" + rep.revision + ":" + rep.actualUnits + "@" + r.getTimestamp();
    }
}
