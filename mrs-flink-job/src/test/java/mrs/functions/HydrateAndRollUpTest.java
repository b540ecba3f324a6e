package mrs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import mrs.records.Attribution;
import mrs.records.EpisodeEnded;
import mrs.records.EventRow;
import mrs.records.HydrateInput;
import mrs.records.HydratedReport;
import mrs.records.Report;
import org.junit.jupiter.api.Test;

/** The merge rules of the hydrated report and the event roll-up, without a cluster. */
class HydrateAndRollUpTest {
    private static HydrateInput in(String kind, java.util.function.Consumer<HydrateInput> set) {
        HydrateInput f = new HydrateInput();
        f.kind = kind;
        set.accept(f);
        return f;
    }

    @Test
    void aReportWithoutAClusterRowStillHydratesWithNullClusterColumns() {
        Report r = new Report();
        r.reportId = "MR-1";
        r.revision = 2;
        r.storeId = "LON-001";
        r.retailer = "Tesco";
        r.windowStart = 1000;
        r.windowEnd = 5000;
        r.actualUnits = 50;
        r.baselineUnits = 10;
        r.lift = 5;
        r.writtenAt = 5000;
        Attribution old = new Attribution();
        old.cause = "Campaign Spend";
        old.aWrittenAt = 5000;
        old.proposalSeq = 1;
        Attribution newer = new Attribution();
        newer.cause = "TikTok Viral";
        newer.detectionType = "Social/Viral Event";
        newer.confidence = 0.72;
        newer.aWrittenAt = 9000;
        newer.proposalSeq = 2;
        EpisodeEnded e = new EpisodeEnded();
        e.windowStart = 1000;
        e.windowEnd = 7000;
        e.writtenAt = 12000;
        HydratedReport h = new HydratedReport();
        HydrateFunction.apply(h, in("DETECTED", f -> f.detected = r));
        HydrateFunction.apply(h, in("ATTRIBUTION", f -> f.attribution = newer));
        HydrateFunction.apply(h, in("ATTRIBUTION", f -> f.attribution = old)); // arrives later, older a_written_at
        HydrateFunction.apply(h, in("ENDED", f -> f.ended = e));
        assertThat(h.clusterId).isNull();
        assertThat(h.clusterSize).isNull();
        assertThat(h.storeId).isEqualTo("LON-001");
        assertThat(h.windowStart).isEqualTo(1000L);
        assertThat(h.windowEnd).isEqualTo(7000L); // from the ended log
        assertThat(h.windowEndFinal).isTrue();
        assertThat(h.cause).isEqualTo("TikTok Viral"); // latest by a_written_at, not by arrival
        assertThat(h.writtenAt).isEqualTo(12000L);
    }

    @Test
    void sixteenStoresOfThreeRetailersAlignByPositionAndCountTheOverflow() {
        List<HydratedReport> reports = new ArrayList<>();
        String[] retailers = {"Tesco", "Waitrose", "Co-op"};
        double actual = 0;
        double baseline = 0;
        for (int i = 0; i < 16; i++) {
            HydratedReport h = new HydratedReport();
            h.reportId = String.format("MR-%02d", i);
            h.storeId = String.format("LON-%03d", 16 - i); // reverse names: position follows time, then store
            h.retailer = retailers[i % 3];
            h.windowStart = 1000L + i;
            h.windowEnd = 9000L;
            h.actualUnits = 10.0 + i;
            h.baselineUnits = 4.0;
            h.lift = h.actualUnits / 4.0;
            h.confidence = 0.5;
            h.aWrittenAt = 2000L + i;
            h.cause = "TikTok Viral";
            h.finalCause = "TikTok Viral";
            h.detectionType = "Social/Viral Event";
            h.writtenAt = 3000L + i;
            actual += h.actualUnits;
            baseline += h.baselineUnits;
            reports.add(h);
        }
        EventRow e = EventRollupFunction.rollUp("ME-000000000001", reports);
        assertThat(e.storeCount).isEqualTo(16);
        assertThat(e.storesBeyond14).isEqualTo(2);
        for (int p = 0; p < 14; p++) {
            HydratedReport h = reports.get(p);
            assertThat(e.storeIds[p]).isEqualTo(h.storeId);
            assertThat(e.retailers[p]).isEqualTo(h.retailer); // the retailer of that same store
        }
        assertThat(e.actualUnits).isCloseTo(actual, within(1e-9));
        assertThat(e.baselineUnits).isCloseTo(baseline, within(1e-9));
        assertThat(e.excessUnits).isCloseTo(actual - baseline, within(1e-9));
        assertThat(e.reportIds.split(",")).hasSize(16);
        assertThat(e.windowStart).isEqualTo(1000L);
        assertThat(e.windowEnd).isEqualTo(9000L);
    }

    @Test
    void theEventsCauseAndConfidenceAreItsReportsConsensusNotTheLatestReport() {
        List<HydratedReport> reports = new ArrayList<>();
        double[] confs = {0.64, 0.66, 0.70, 0.66};
        for (int i = 0; i < 4; i++) {
            reports.add(proposed("MR-1" + i, "NRW-10" + i, 5000L, "Facebook Campaign Spend",
                    "Marketing Misattribution", confs[i]));
        }
        // One convenience store, lowest report id, proposed last: it used to set the event.
        reports.add(proposed("MR-00", "NRW-002", 6000L, "Till Fault", "Data Error", 0.42));
        EventRow e = EventRollupFunction.rollUp("ME-000000000002", reports);
        assertThat(e.cause).isEqualTo("Facebook Campaign Spend");
        assertThat(e.detectionType).isEqualTo("Marketing Misattribution");
        assertThat(e.confidence).isEqualTo(0.66); // lower median of 0.64, 0.66, 0.66, 0.70
        assertThat(e.avgConfidence).isCloseTo((0.64 + 0.66 + 0.70 + 0.66 + 0.42) / 5, within(1e-9));

        // An analyst's cause on the median report is the event's cause; the confidence stays the machine's.
        reports.get(1).finalCause = "Instagram Reels";
        EventRow edited = EventRollupFunction.rollUp("ME-000000000002", reports);
        assertThat(edited.cause).isEqualTo("Instagram Reels");
        assertThat(edited.confidence).isEqualTo(0.66);
    }

    private static HydratedReport proposed(String id, String store, long at, String cause, String type, double conf) {
        HydratedReport h = new HydratedReport();
        h.reportId = id;
        h.storeId = store;
        h.windowStart = 1000L;
        h.windowEnd = 4000L;
        h.actualUnits = 20.0;
        h.baselineUnits = 5.0;
        h.aWrittenAt = at;
        h.cause = cause;
        h.finalCause = cause;
        h.detectionType = type;
        h.confidence = conf;
        h.writtenAt = at;
        return h;
    }
}
