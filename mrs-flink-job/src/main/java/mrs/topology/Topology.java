package mrs.topology;

import mrs.config.MrsConfig;
import mrs.functions.AttributionFunction;
import mrs.functions.ClusterFunction;
import mrs.functions.CohortFunction;
import mrs.functions.EventRollupFunction;
import mrs.functions.ValidateActionFunction;
import mrs.functions.HydrateFunction;
import mrs.functions.LogMeter;
import mrs.ddl.MrsTables;
import mrs.functions.EpisodeFunction;
import mrs.functions.ParseFunction;
import mrs.functions.SkuWindowDetector;
import mrs.functions.Tags;
import mrs.records.ActionRecord;
import mrs.records.Attribution;
import mrs.records.RefusedAction;
import mrs.records.ClusteredReport;
import mrs.records.CohortRow;
import mrs.records.EventRow;
import mrs.records.HydrateInput;
import mrs.records.HydratedReport;
import mrs.records.EpisodeEnded;
import mrs.records.IngestError;
import mrs.records.RawRecord;
import mrs.records.Report;
import mrs.records.SaleEvent;
import mrs.records.Signal;
import mrs.records.SkuWindow;
import mrs.records.StoreInfo;
import mrs.serde.AnalystActionsDeserializer;
import mrs.serde.SalesDeserializer;
import mrs.serde.SignalsDeserializer;
import mrs.serde.StoresDeserializer;
import mrs.sinks.MrsSinks;
import mrs.udfs.attribution.AttributionModel;
import mrs.udfs.detect.SeasonalDetector;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The MRS streaming topology, independent of where its inputs come from and where its logs go:
 *
 * <pre>
 *  sales (raw) ─► parse-sales ─┬─► watermarks ─► keyBy(store|sku) ─► sku-window-detector ─┐
 *                              └─► errors ─────────────────────────── late-sales ─────────┴─► sales_errors
 *                                                                                          │
 *  stores (raw) ─► parse-stores ─► broadcast ──────────────────────┐                       ▼
 *                      └─► stores_errors            keyBy(store) ─► episode ─► minority_reports_detected_log
 *                                                                        └──► minority_event_ended_log
 * </pre>
 */
public final class Topology {
    private Topology() {}

    /** A hydrate input of one kind; the setter fills the field that kind carries. */
    private static HydrateInput fact(String kind, String reportId, java.util.function.Consumer<HydrateInput> set) {
        HydrateInput f = new HydrateInput();
        f.kind = kind;
        f.reportId = reportId;
        set.accept(f);
        return f;
    }

    /** Wires the pipeline onto the given raw inputs and sinks. */
    public static void build(MrsConfig cfg, DataStream<RawRecord> salesRaw, DataStream<RawRecord> storesRaw,
            DataStream<RawRecord> signalsRaw, MrsSinks sinks) {
        build(cfg, salesRaw, storesRaw, signalsRaw, sinks, new AttributionModel()::propose);
    }

    /** As above, with the attribution model given (tests inject a failing one); no analyst actions. */
    public static void build(MrsConfig cfg, DataStream<RawRecord> salesRaw, DataStream<RawRecord> storesRaw,
            DataStream<RawRecord> signalsRaw, MrsSinks sinks, AttributionFunction.Attributor model) {
        build(cfg, salesRaw, storesRaw, signalsRaw, null, sinks, model);
    }

    /**
     * The whole topology. {@code actionsRaw} (the analyst actions) may be null: the pipeline then runs
     * without human input.
     */
    public static void build(MrsConfig cfg, DataStream<RawRecord> salesRaw, DataStream<RawRecord> storesRaw,
            DataStream<RawRecord> signalsRaw, DataStream<RawRecord> actionsRaw, MrsSinks sinks,
            AttributionFunction.Attributor model) {
        SingleOutputStreamOperator<SaleEvent> sales = salesRaw
                .process(new ParseFunction<>("parse-sales", new SalesDeserializer(cfg.maxFutureSkew())::parse))
                .returns(TypeInformation.of(SaleEvent.class))
                .name("parse-sales")
                .uid("parse-sales");

        SingleOutputStreamOperator<StoreInfo> stores = storesRaw
                .process(new ParseFunction<>("parse-stores", new StoresDeserializer()::parse))
                .returns(TypeInformation.of(StoreInfo.class))
                .name("parse-stores")
                .uid("parse-stores");

        SeasonalDetector detector = Detection.detector(cfg);
        SingleOutputStreamOperator<SkuWindow> skuWindows = sales
                .assignTimestampsAndWatermarks(Watermarks.sales(cfg))
                .name("sales-watermarks")
                .uid("sales-watermarks")
                .keyBy(SaleEvent::storeSkuKey)
                .process(new SkuWindowDetector(detector, cfg.windowSize(), cfg.allowedLateness(), cfg.maxSilentWindows()))
                .name("sku-window-detector")
                .uid("sku-window-detector");

        BroadcastStream<StoreInfo> storeDimension = stores
                .assignTimestampsAndWatermarks(Watermarks.dimension(cfg))
                .name("stores-watermarks")
                .uid("stores-watermarks")
                .broadcast(EpisodeFunction.STORES);

        SingleOutputStreamOperator<Report> reports = skuWindows
                .keyBy(w -> w.storeId)
                .connect(storeDimension)
                .process(new EpisodeFunction(cfg.windowSize(), cfg.allowedLateness(), cfg.quietWindows(),
                        cfg.minEpisodeWindows(), cfg.singleWindowZ()))
                .name("episode")
                .uid("episode");

        SingleOutputStreamOperator<Signal> signals = signalsRaw
                .process(new ParseFunction<>("parse-signals", new SignalsDeserializer()::parse))
                .returns(TypeInformation.of(Signal.class))
                .name("parse-signals")
                .uid("parse-signals");

        boolean clustering = cfg.clusteringEnabled();
        SingleOutputStreamOperator<ClusteredReport> clustered = clustering
                ? reports
                        .keyBy(r -> r.primarySku == null ? "" : r.primarySku)
                        .process(new ClusterFunction())
                        .name("cluster")
                        .uid("cluster")
                : reports
                        .map(r -> ClusterFunction.unclustered(r, "clustering is switched off (mrs.cluster.enabled=false)"))
                        .returns(TypeInformation.of(ClusteredReport.class))
                        .name("cluster-off")
                        .uid("cluster-off");

        BroadcastStream<Signal> evidence = signals
                .assignTimestampsAndWatermarks(Watermarks.signals(cfg))
                .name("signals-watermarks")
                .uid("signals-watermarks")
                .broadcast(AttributionFunction.SIGNALS);

        SingleOutputStreamOperator<Attribution> attributions = clustered
                .keyBy(c -> c.report.reportId)
                .connect(evidence)
                .process(new AttributionFunction(model, cfg.refreshHorizon(), cfg.attributionFeedsDown()))
                .name("attribute")
                .uid("attribute");

        DataStream<EpisodeEnded> ended = reports.getSideOutput(Tags.ENDED);

        SingleOutputStreamOperator<CohortRow> cohorts = attributions
                .keyBy(a -> a.primarySku == null ? "" : a.primarySku)
                .connect(ended.keyBy(e -> e.primarySku == null ? "" : e.primarySku))
                .process(new CohortFunction(cfg.cohortJoinGap(), cfg.cohortReopenHorizon()))
                .name("cohort")
                .uid("cohort");
        DataStream<IngestError> salesErrors = sales.getSideOutput(Tags.ERRORS).union(skuWindows.getSideOutput(Tags.ERRORS));

        // Analyst actions: parsed, verified against the roster (signature, replay), then applied.
        DataStream<RawRecord> actionsIn = actionsRaw != null ? actionsRaw
                : salesRaw.filter(r -> false).name("no-analyst-actions").uid("no-analyst-actions");
        SingleOutputStreamOperator<ActionRecord> parsedActions = actionsIn
                .process(new ParseFunction<>("parse-actions", new AnalystActionsDeserializer()::parse))
                .returns(TypeInformation.of(ActionRecord.class))
                .name("parse-actions")
                .uid("parse-actions");
        SingleOutputStreamOperator<ActionRecord> acceptedActions = parsedActions
                .assignTimestampsAndWatermarks(Watermarks.actions(cfg))
                .name("actions-watermarks")
                .uid("actions-watermarks")
                .keyBy(a -> a.actionId)
                .process(new ValidateActionFunction(Rosters.load(cfg)))
                .name("validate-actions")
                .uid("validate-actions");
        DataStream<ActionRecord> reportActions = acceptedActions.filter(a -> "REPORT".equals(a.targetKind))
                .name("report-actions").uid("report-actions");
        DataStream<ActionRecord> eventActions = acceptedActions.filter(a -> "EVENT".equals(a.targetKind))
                .name("event-actions").uid("event-actions");

        DataStream<HydrateInput> detectedFacts = reports.map(r -> fact("DETECTED", r.reportId, f -> f.detected = r))
                .returns(TypeInformation.of(HydrateInput.class)).name("detected-facts").uid("detected-facts");
        if (clustering) { // switched off, the clustered log is missing: hydration must not make it up
            detectedFacts = detectedFacts.union(clustered.map(c -> fact("CLUSTERED", c.report.reportId, f -> f.clustered = c))
                    .returns(TypeInformation.of(HydrateInput.class)).name("clustered-facts").uid("clustered-facts"));
        }
        DataStream<HydrateInput> facts = detectedFacts
                .union(attributions.map(a -> fact("ATTRIBUTION", a.reportId, f -> f.attribution = a))
                                .returns(TypeInformation.of(HydrateInput.class)).name("attribution-facts").uid("attribution-facts"),
                        ended.map(e -> fact("ENDED", e.reportId, f -> f.ended = e))
                                .returns(TypeInformation.of(HydrateInput.class)).name("ended-facts").uid("ended-facts"),
                        cohorts.map(c -> fact("COHORT", c.reportId, f -> f.cohort = c))
                                .returns(TypeInformation.of(HydrateInput.class)).name("cohort-facts").uid("cohort-facts"),
                        reportActions.map(a -> fact("ACTION", a.targetId, f -> f.action = a))
                                .returns(TypeInformation.of(HydrateInput.class)).name("action-facts").uid("action-facts"));
        SingleOutputStreamOperator<HydratedReport> hydrated = facts
                .keyBy(f -> f.reportId)
                .process(new HydrateFunction(cfg.refreshHorizon().plus(cfg.cohortReopenHorizon()), cfg.coverageSla()))
                .name("hydrate")
                .uid("hydrate");
        SingleOutputStreamOperator<EventRow> events = hydrated
                .filter(h -> h.reportGroupId != null)
                .name("grouped-reports")
                .uid("grouped-reports")
                .keyBy(h -> h.reportGroupId)
                .connect(eventActions.keyBy(a -> a.targetId))
                .process(new EventRollupFunction())
                .name("event-rollup")
                .uid("event-rollup");

        sinks.detected(metered(reports, MrsTables.MINORITY_REPORTS_DETECTED_LOG));
        sinks.ended(metered(ended, MrsTables.MINORITY_EVENT_ENDED_LOG));
        sinks.salesErrors(metered(salesErrors, MrsTables.SALES_ERRORS));
        sinks.storesErrors(metered(stores.getSideOutput(Tags.ERRORS), MrsTables.STORES_ERRORS));
        sinks.signalsErrors(metered(signals.getSideOutput(Tags.ERRORS), MrsTables.SIGNALS_ERRORS));
        if (clustering) {
            sinks.clustered(metered(clustered, MrsTables.MINORITY_REPORTS_CLUSTERED_LOG));
        }
        sinks.attributions(metered(attributions, MrsTables.MINORITY_REPORTS_PROPOSED_ATTRIBUTION_LOG));
        sinks.cohorts(metered(cohorts, MrsTables.MINORITY_REPORTS_COHORT_LOG));
        sinks.hydrated(metered(hydrated, MrsTables.MINORITY_REPORTS));
        sinks.events(metered(events, MrsTables.MINORITY_EVENTS_LOG));
        sinks.directives(metered(events.getSideOutput(Tags.DIRECTIVES), MrsTables.MODEL_PROTECTION_LOG));
        sinks.edits(metered(acceptedActions.filter(a -> a.action.equals("edit_attribution") || a.action.equals("add_evidence"))
                .name("edits").uid("edits"), MrsTables.EDIT_LOGS));
        sinks.finalisations(metered(acceptedActions.filter(a -> !a.action.equals("edit_attribution") && !a.action.equals("add_evidence"))
                .name("finalisations").uid("finalisations"), MrsTables.MINORITY_REPORTS_FINALISATION_LOG));
        DataStream<RefusedAction> unparseable = parsedActions.getSideOutput(Tags.ERRORS)
                .map(e -> {
                    ActionRecord a = new ActionRecord();
                    a.rawPayload = e.rawPayload;
                    a.issuedAt = e.eventTime == null ? 0 : e.eventTime;
                    return ValidateActionFunction.refused(a, "MALFORMED", e.error);
                })
                .returns(TypeInformation.of(RefusedAction.class))
                .name("unparseable-actions")
                .uid("unparseable-actions");
        sinks.refusedActions(metered(unparseable
                .union(acceptedActions.getSideOutput(ValidateActionFunction.REFUSED),
                        events.getSideOutput(ValidateActionFunction.REFUSED)), MrsTables.ANALYST_ACTIONS_REFUSED));
    }

    /** The stream with its log's row count and freshness metered ({@link LogMeter}), chained in front of the sink. */
    private static <T> DataStream<T> metered(DataStream<T> rows, String table) {
        return rows.process(new LogMeter<T>(table))
                .returns(rows.getType())
                .name("meter-" + table)
                .uid("meter-" + table);
    }
}
