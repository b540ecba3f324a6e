package mrs.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import mrs.ddl.MrsTables;
import mrs.records.Attribution;
import mrs.records.ClusteredReport;
import mrs.records.CohortRow;
import mrs.records.EpisodeEnded;
import mrs.records.EventRow;
import mrs.records.HydratedReport;
import mrs.records.IngestError;
import mrs.records.Report;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;

/** Rows are built positionally: each converter must produce exactly the columns of its table's DDL. */
class RowsTest {
    private static void matches(RowData row, String table) {
        assertThat(row.getArity()).as(table).isEqualTo(MrsTables.columnNames(table).size());
    }

    @Test
    void everyConverterHasTheArityOfItsTable() {
        Report r = new Report();
        ClusteredReport c = new ClusteredReport();
        c.report = r;
        EventRow e = new EventRow();
        e.storeIds = new String[14];
        e.retailers = new String[14];
        matches(Rows.detected(r, 0), MrsTables.MINORITY_REPORTS_DETECTED_LOG);
        matches(Rows.ended(new EpisodeEnded(), 0), MrsTables.MINORITY_EVENT_ENDED_LOG);
        matches(Rows.error(new IngestError(), 0), MrsTables.SALES_ERRORS);
        matches(Rows.clustered(c, 0), MrsTables.MINORITY_REPORTS_CLUSTERED_LOG);
        matches(Rows.attribution(new Attribution(), 0), MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG);
        matches(Rows.cohort(new CohortRow(), 0), MrsTables.MINORITY_REPORTS_COHORT_LOG);
        matches(Rows.hydrated(new HydratedReport(), 0), MrsTables.MINORITY_REPORTS);
        matches(Rows.event(e, 0), MrsTables.MINORITY_EVENTS_LOG);
        matches(Rows.edit(new mrs.records.ActionRecord(), 0), MrsTables.EDIT_LOGS);
        matches(Rows.finalisation(new mrs.records.ActionRecord(), 0), MrsTables.MINORITY_REPORTS_FINALISATION_LOG);
        matches(Rows.refusedAction(new mrs.records.RefusedAction(), 0), MrsTables.ANALYST_ACTIONS_REFUSED);
        matches(Rows.directive(new mrs.records.ProtectionDirective(), 0), MrsTables.MODEL_PROTECTION_LOG);
    }
}
