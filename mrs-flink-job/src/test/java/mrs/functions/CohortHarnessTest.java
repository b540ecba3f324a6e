package mrs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import mrs.config.MrsConfig;
import mrs.records.Attribution;
import mrs.records.CohortRow;
import mrs.records.EpisodeEnded;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Which reports of one SKU share a Minority Event across cities (CohortFunction's compatibility rule). */
class CohortHarnessTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long T0 = Instant.parse("2025-08-12T11:00:00Z").toEpochMilli();
    private static final MrsConfig CFG = MrsConfig.defaults();

    private static Attribution proposal(String report, String store, String city, String type, double conf, long at) {
        Attribution a = new Attribution();
        a.reportId = report;
        a.revision = 1;
        a.proposalSeq = 1;
        a.clusterId = "CL-1"; // one cluster: the stage above found these stores alike
        a.storeId = store;
        a.city = city;
        a.primarySku = "SKU-NEBBTN";
        a.windowStart = T0;
        a.windowEnd = T0 + HOUR;
        a.cause = type + " cause";
        a.detectionType = type;
        a.confidence = conf;
        a.aWrittenAt = at;
        return a;
    }

    /** Runs the proposals through the cohort stage; returns each report's event. */
    private static Map<String, String> events(Attribution... proposals) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, Attribution, EpisodeEnded, CohortRow> h =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new CohortFunction(CFG.cohortJoinGap(), CFG.cohortReopenHorizon()),
                        a -> a.primarySku, e -> e.primarySku, Types.STRING);
        for (Attribution a : proposals) {
            h.processElement1(a, a.aWrittenAt);
        }
        h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 5 * HOUR));
        h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 5 * HOUR));
        Map<String, String> out = new TreeMap<>();
        for (CohortRow r : h.extractOutputValues()) {
            out.put(r.reportId, r.groupId);
        }
        h.close();
        return out;
    }

    @Test
    void aLowReportElsewhereJoinsAnEventNobodyExplainsConfidently() throws Exception {
        // The till fault under seed 1: Oxford's reports read Till Fault at Medium (0.44), Reading's at Low.
        Map<String, String> e = events(proposal("MR-1", "OXF-1", "Oxford", "Data Error", 0.44, T0 + HOUR),
                proposal("MR-2", "OXF-2", "Oxford", "Data Error", 0.29, T0 + HOUR),
                proposal("MR-3", "RDG-1", "Reading", "Social/Viral Event", 0.21, T0 + 2 * HOUR),
                proposal("MR-4", "GLD-1", "Guildford", "Social/Viral Event", 0.21, T0 + 2 * HOUR));
        assertThat(e).hasSize(4);
        assertThat(e.values()).containsOnly(e.get("MR-1"));
    }

    @Test
    void aLowReportElsewhereStaysOutOfAConfidentlyExplainedEvent() throws Exception {
        // A competitor stock-out in Birmingham at 0.81: a Low blip of the same SKU in Leeds is not part of it.
        Map<String, String> e = events(proposal("MR-1", "BHM-1", "Birmingham", "Competitor Stockout", 0.81, T0 + HOUR),
                proposal("MR-2", "LDS-1", "Leeds", "Social/Viral Event", 0.21, T0 + 2 * HOUR));
        assertThat(e.get("MR-2")).isNotEqualTo(e.get("MR-1"));
    }

    @Test
    void twoMediumExplanationsOfDifferentTypesElsewhereAreTwoEvents() throws Exception {
        Map<String, String> e = events(proposal("MR-1", "OXF-1", "Oxford", "Data Error", 0.44, T0 + HOUR),
                proposal("MR-2", "LDS-1", "Leeds", "Social/Viral Event", 0.45, T0 + 2 * HOUR),
                proposal("MR-3", "BRS-1", "Bristol", "Data Error", 0.50, T0 + 2 * HOUR));
        assertThat(e.get("MR-2")).isNotEqualTo(e.get("MR-1"));
        assertThat(e.get("MR-3")).isEqualTo(e.get("MR-1"));
    }
}
