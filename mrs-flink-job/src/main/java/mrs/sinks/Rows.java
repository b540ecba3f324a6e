package mrs.sinks;

import mrs.records.ActionRecord;
import mrs.records.Attribution;
import mrs.records.RefusedAction;
import mrs.functions.EventRollupFunction;
import mrs.records.ClusteredReport;
import mrs.records.EventRow;
import mrs.records.HydratedReport;
import mrs.records.ProtectionDirective;
import mrs.records.CohortRow;
import mrs.records.EpisodeEnded;
import mrs.records.IngestError;
import mrs.records.Report;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Records to Iceberg rows, positionally in the column order of the DDL in {@code iceberg-ddl} (a test
 * checks the arity and names against the parsed DDL). {@code processedAt} is the only wall-clock value.
 */
public final class Rows {
    private Rows() {}

    public static RowData error(IngestError e, long processedAt) {
        return GenericRowData.of(
                str(e.errorId), str(e.stage), str(e.source), e.sourcePartition, e.sourceOffset,
                str(e.error), str(e.rawPayload), ts(e.eventTime), ts(e.writtenAt), ts(processedAt));
    }

    public static RowData detected(Report r, long processedAt) {
        return GenericRowData.of(
                str(r.reportId), r.revision, str(r.storeId), str(r.retailer), str(r.city), str(r.region),
                ts(r.windowStart), ts(r.windowEnd), r.anomalousWindows, r.skuCount, str(r.skus),
                str(r.direction), r.actualUnits, r.baselineUnits, r.deltaUnits, r.actualRevenue,
                r.baselineRevenue, r.zScore, r.lift, r.maxSkuZ, ts(r.writtenAt), ts(processedAt));
    }

    public static RowData ended(EpisodeEnded e, long processedAt) {
        return GenericRowData.of(
                str(e.reportId), str(e.storeId), ts(e.windowStart), ts(e.windowEnd), e.finalRevision,
                e.quietWindows, ts(e.writtenAt), ts(processedAt));
    }

    public static RowData clustered(ClusteredReport c, long processedAt) {
        Report r = c.report;
        return GenericRowData.of(
                str(r.reportId), r.revision, str(r.storeId), str(r.retailer), str(r.city), str(r.region),
                str(r.primarySku), ts(r.windowStart), ts(r.windowEnd), str(r.direction), c.clustered,
                str(c.clusterId), c.clustered ? c.clusterSize : null, c.clustered ? c.clusterStores : null,
                c.clustered ? c.similarity : null, str(c.clusterCities), c.clustered ? c.clusterMeanLift : null,
                c.clustered ? ts(c.clusterStart) : null, c.clustered ? ts(c.clusterEnd) : null, str(c.error),
                ts(c.writtenAt), ts(processedAt));
    }

    public static RowData attribution(Attribution a, long processedAt) {
        return GenericRowData.of(
                str(a.attributionId), str(a.reportId), a.revision, a.proposalSeq, str(a.clusterId), str(a.cause),
                str(a.detectionType), str(a.impactVector), a.confidence, str(a.confidenceTier), str(a.cause2),
                str(a.detectionType2), a.confidence2, str(a.cause3), str(a.detectionType3), a.confidence3,
                str(a.narrative), str(a.evidence), a.degraded, ts(a.aWrittenAt), ts(a.aWrittenAt), ts(processedAt));
    }

    public static RowData cohort(CohortRow c, long processedAt) {
        return GenericRowData.of(
                str(c.reportId), str(c.groupId), str(c.storeId), str(c.primarySku), c.cohortSize, c.cohortStores,
                c.cohortConfidence, str(c.cause), str(c.status), ts(c.eventStart), ts(c.eventEnd), ts(c.writtenAt),
                ts(processedAt));
    }

    public static RowData hydrated(HydratedReport h, long processedAt) {
        return GenericRowData.of(
                str(h.reportId), h.revision == 0 ? null : h.revision, str(h.storeId), str(h.retailer), str(h.city),
                str(h.region), str(h.primarySku), str(h.skus), str(h.direction), ts(h.windowStart), ts(h.windowEnd),
                h.windowEndFinal, h.actualUnits, h.baselineUnits, h.deltaUnits, h.actualRevenue, h.baselineRevenue,
                h.lift, h.zScore, str(h.clusterId), h.clusterSize, h.clusterStores, str(h.cause), str(h.detectionType),
                str(h.impactVector), h.confidence, str(h.confidenceTier), str(h.cause2), h.confidence2, str(h.cause3),
                h.confidence3, str(h.narrative), str(h.evidence), h.degraded, ts(h.aWrittenAt),
                h.proposals == 0 ? null : h.proposals, str(h.reportGroupId), h.cohortSize, str(h.eventStatus),
                str(h.analystCause), str(h.analystStatus), str(h.finalCause), str(h.priority), str(h.reportStatus),
                ts(h.writtenAt), ts(processedAt));
    }

    public static RowData event(EventRow e, long processedAt) {
        Object[] f = new Object[5 + 2 * EventRollupFunction.POSITIONS + 20];
        int i = 0;
        f[i++] = str(e.groupId);
        f[i++] = str(e.primarySku);
        f[i++] = str(e.reportIds);
        f[i++] = e.reportCount;
        f[i++] = e.storeCount;
        for (int p = 0; p < EventRollupFunction.POSITIONS; p++) {
            f[i++] = str(e.storeIds[p]);
            f[i++] = str(e.retailers[p]);
        }
        f[i++] = e.storesBeyond14;
        f[i++] = str(e.cities);
        f[i++] = ts(e.windowStart);
        f[i++] = ts(e.windowEnd);
        f[i++] = e.actualUnits;
        f[i++] = e.baselineUnits;
        f[i++] = e.excessUnits;
        f[i++] = e.actualRevenue;
        f[i++] = e.baselineRevenue;
        f[i++] = e.excessRevenue;
        f[i++] = e.avgLift;
        f[i++] = e.avgConfidence;
        f[i++] = str(e.cause);
        f[i++] = str(e.detectionType);
        f[i++] = e.confidence;
        f[i++] = str(e.priority);
        f[i++] = str(e.status);
        f[i++] = e.degraded;
        f[i++] = ts(e.writtenAt);
        f[i++] = ts(processedAt);
        return GenericRowData.of(f);
    }

    public static RowData directive(ProtectionDirective d, long processedAt) {
        return GenericRowData.of(
                str(d.directiveId), str(d.groupId), str(d.type), str(d.status), str(d.detectionType), d.confidence,
                str(d.stores), str(d.skus), ts(d.windowStart), ts(d.windowEnd), d.weight, ts(d.writtenAt),
                ts(processedAt));
    }

    public static RowData edit(ActionRecord a, long processedAt) {
        return GenericRowData.of(
                str(a.actionId), str(a.analyst), str(a.targetKind), str(a.targetId), str(a.action), str(a.cause),
                str(a.detectionType), a.novelCause, str(a.narrative), str(a.evidenceUrl), str(a.reason),
                ts(a.issuedAt), ts(a.issuedAt), ts(processedAt));
    }

    public static RowData finalisation(ActionRecord a, long processedAt) {
        return GenericRowData.of(
                str(a.actionId), str(a.analyst), str(a.targetKind), str(a.targetId), str(a.action), str(a.cause),
                str(a.reason == null ? "" : a.reason), ts(a.issuedAt), ts(a.issuedAt), ts(processedAt));
    }

    public static RowData refusedAction(RefusedAction r, long processedAt) {
        return GenericRowData.of(
                str(r.refusalId), str(r.actionId), str(r.analyst), str(r.targetId), str(r.action), str(r.category),
                str(r.reason == null ? "" : r.reason), str(r.rawPayload), ts(r.issuedAt), ts(r.writtenAt), ts(processedAt));
    }

    private static StringData str(String s) {
        return s == null ? null : StringData.fromString(s);
    }

    private static TimestampData ts(Long millis) {
        return millis == null ? null : TimestampData.fromEpochMillis(millis);
    }
}
