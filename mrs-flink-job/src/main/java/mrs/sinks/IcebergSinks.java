package mrs.sinks;

import mrs.ddl.CatalogSettings;
import mrs.ddl.MrsTables;
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
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;

/**
 * Every log goes to its Iceberg table through the Iceberg Flink sink, committed on checkpoints
 * (exactly once). The catalog is whatever the catalog properties say: REST, JDBC, Hive, Glue.
 */
public final class IcebergSinks implements MrsSinks {
    private final CatalogLoader catalogLoader;
    private final Namespace namespace;

    private final String protectionBootstrap;
    private final String protectionTopic;

    /** Iceberg logs only. */
    public IcebergSinks(CatalogSettings catalog) {
        this(catalog, null, null);
    }

    /** Iceberg logs, and the protection feed also on the Kafka topic (when {@code bootstrap} is set). */
    public IcebergSinks(CatalogSettings catalog, String bootstrap, String protectionTopic) {
        this.catalogLoader = catalog.catalogLoader();
        this.namespace = catalog.icebergNamespace();
        this.protectionBootstrap = bootstrap;
        this.protectionTopic = protectionTopic;
    }

    @Override
    public void detected(DataStream<Report> reports) {
        write(reports, Rows::detected, MrsTables.MINORITY_REPORTS_DETECTED_LOG);
    }

    @Override
    public void ended(DataStream<EpisodeEnded> ended) {
        write(ended, Rows::ended, MrsTables.MINORITY_EVENT_ENDED_LOG);
    }

    @Override
    public void salesErrors(DataStream<IngestError> errors) {
        write(errors, Rows::error, MrsTables.SALES_ERRORS);
    }

    @Override
    public void storesErrors(DataStream<IngestError> errors) {
        write(errors, Rows::error, MrsTables.STORES_ERRORS);
    }

    @Override
    public void signalsErrors(DataStream<IngestError> errors) {
        write(errors, Rows::error, MrsTables.SIGNALS_ERRORS);
    }

    @Override
    public void clustered(DataStream<ClusteredReport> clustered) {
        write(clustered, Rows::clustered, MrsTables.MINORITY_REPORTS_CLUSTERED_LOG);
    }

    @Override
    public void attributions(DataStream<Attribution> attributions) {
        write(attributions, Rows::attribution, MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG);
    }

    @Override
    public void cohorts(DataStream<CohortRow> cohorts) {
        write(cohorts, Rows::cohort, MrsTables.MINORITY_REPORTS_COHORT_LOG);
    }

    @Override
    public void hydrated(DataStream<HydratedReport> reports) {
        write(reports, Rows::hydrated, MrsTables.MINORITY_REPORTS);
    }

    @Override
    public void events(DataStream<EventRow> events) {
        write(events, Rows::event, MrsTables.MINORITY_EVENTS_LOG);
    }

    @Override
    public void directives(DataStream<ProtectionDirective> directives) {
        write(directives, Rows::directive, MrsTables.MODEL_PROTECTION_LOG);
        if (protectionBootstrap != null) {
            directives.sinkTo(ProtectionFeed.sink(protectionBootstrap, protectionTopic))
                    .name("model-protection-kafka")
                    .uid("model-protection-kafka");
        }
    }

    @Override
    public void edits(DataStream<ActionRecord> edits) {
        write(edits, Rows::edit, MrsTables.EDIT_LOGS);
    }

    @Override
    public void finalisations(DataStream<ActionRecord> decisions) {
        write(decisions, Rows::finalisation, MrsTables.MINORITY_REPORTS_FINALISATION_LOG);
    }

    @Override
    public void refusedActions(DataStream<RefusedAction> refused) {
        write(refused, Rows::refusedAction, MrsTables.ANALYST_ACTIONS_REFUSED);
    }

    private <T> void write(DataStream<T> records, ToRow.Converter<T> converter, String table) {
        TableIdentifier id = TableIdentifier.of(namespace, table);
        // The row type comes from the table itself, so rows are typed (no Kryo) and checked against it.
        RowType rowType = FlinkSchemaUtil.convert(catalogLoader.loadCatalog().loadTable(id).schema());
        String name = table.replace('_', '-');
        DataStream<RowData> rows = records.map(new ToRow<>(converter))
                .returns(InternalTypeInfo.of(rowType))
                .name(name + "-rows")
                .uid(name + "-rows");
        TableLoader loader = TableLoader.fromCatalog(catalogLoader, id);
        IcebergSink.forRowData(rows)
                .tableLoader(loader)
                .uidSuffix(table.replace('_', '-'))
                .append()
                .name(table.replace('_', '-') + "-sink")
                .uid(table.replace('_', '-') + "-sink");
    }

    /** Stamps the wall-clock {@code processed_at} and converts to a row. */
    private static final class ToRow<T> implements MapFunction<T, RowData> {
        interface Converter<T> extends java.io.Serializable {
            RowData convert(T value, long processedAt);
        }

        private final Converter<T> converter;

        ToRow(Converter<T> converter) {
            this.converter = converter;
        }

        @Override
        public RowData map(T value) {
            return converter.convert(value, System.currentTimeMillis());
        }
    }
}
