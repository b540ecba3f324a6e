package mrs.ddl;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Names of the MRS Iceberg tables and their layout as the bundled DDL ({@code mrs/ddl/}) declares
 * it. Writers build Flink {@code RowData} positionally, so they should check their field order
 * against {@link #columnNames(String)} (in a test, or at job start) rather than repeat it.
 */
public final class MrsTables {

    /** Records of the sales topic that could not be parsed or broke the contract, and late sales. */
    public static final String SALES_ERRORS = "sales_errors";
    /** Records of the stores topic that could not be parsed or broke the contract. */
    public static final String STORES_ERRORS = "stores_errors";
    /** One row per revision of a store's anomalous episode (report). */
    public static final String MINORITY_REPORTS_DETECTED_LOG = "minority_reports_detected_log";
    /** The authoritative end of a report's episode. */
    public static final String MINORITY_EVENT_ENDED_LOG = "minority_event_ended_log";
    /** Records of the signals topic (context feeds) that could not be parsed or broke the contract. */
    public static final String SIGNALS_ERRORS = "signals_errors";
    /** One row per clustered report revision, with its cluster's metadata. */
    public static final String MINORITY_REPORTS_CLUSTERED_LOG = "minority_reports_clustered_log";
    /** One row per machine attribution proposal. */
    public static final String MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG = "minority_reports_proposed_attribution_log";
    /** One row per cohort (Minority Event) change of a report. */
    public static final String MINORITY_REPORTS_COHORT_LOG = "minority_reports_cohort_log";
    /** The hydrated report: one wide row per report change. */
    public static final String MINORITY_REPORTS = "minority_reports";
    /** The event roll-up: one row per Minority Event state. */
    public static final String MINORITY_EVENTS_LOG = "minority_events_log";
    /** Model-protection directives, one per event status change. */
    public static final String MODEL_PROTECTION_LOG = "model_protection_log";
    /** Accepted analyst edits. */
    public static final String EDIT_LOGS = "edit_logs";
    /** Accepted analyst decisions. */
    public static final String MINORITY_REPORTS_FINALISATION_LOG = "minority_reports_finalisation_log";
    /** Refused analyst actions. */
    public static final String ANALYST_ACTIONS_REFUSED = "analyst_actions_refused";

    private MrsTables() {}

    /** Parsed once, on first use. */
    private static final class Bundled {
        static final DdlApplier DDL = DdlApplier.fromClasspath();
    }

    /** The bundled DDL set (parsed and validated). */
    public static DdlApplier ddl() {
        return Bundled.DDL;
    }

    /** Every table of the bundled DDL, in creation order. */
    public static List<String> all() {
        return Bundled.DDL.tableNames();
    }

    /** The table's final definition (all migrations applied). */
    public static TableDefinition definition(String table) {
        return Bundled.DDL.table(table);
    }

    /** The table's schema: columns in row order, field ids as the applier creates them. */
    public static Schema schema(String table) {
        return definition(table).schema();
    }

    /** The table's column names in row order. */
    public static List<String> columnNames(String table) {
        return definition(table).columnNames();
    }

    /** The table's partition spec as declared. */
    public static PartitionSpec spec(String table) {
        return definition(table).spec();
    }

    /** {@code namespace.table}. */
    public static TableIdentifier identifier(Namespace namespace, String table) {
        definition(table); // unknown names fail here, not at the catalog
        return TableIdentifier.of(namespace, table);
    }
}
