package mrs.sinks;

import mrs.records.ActionRecord;
import mrs.records.Attribution;
import mrs.records.RefusedAction;
import mrs.records.ClusteredReport;
import mrs.records.EventRow;
import mrs.records.HydratedReport;
import mrs.records.ProtectionDirective;
import mrs.records.CohortRow;
import mrs.records.EpisodeEnded;
import mrs.records.IngestError;
import mrs.records.Report;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Where each stage's log goes. The topology calls these; it never builds a connector itself. */
public interface MrsSinks {
    void detected(DataStream<Report> reports);

    void ended(DataStream<EpisodeEnded> ended);

    void salesErrors(DataStream<IngestError> errors);

    void storesErrors(DataStream<IngestError> errors);

    void signalsErrors(DataStream<IngestError> errors);

    void clustered(DataStream<ClusteredReport> clustered);

    void attributions(DataStream<Attribution> attributions);

    void cohorts(DataStream<CohortRow> cohorts);

    void hydrated(DataStream<HydratedReport> reports);

    void events(DataStream<EventRow> events);

    void directives(DataStream<ProtectionDirective> directives);

    void edits(DataStream<ActionRecord> edits);

    void finalisations(DataStream<ActionRecord> decisions);

    void refusedActions(DataStream<RefusedAction> refused);
}
