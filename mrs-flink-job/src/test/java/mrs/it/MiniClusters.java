package mrs.it;

import java.util.List;
import mrs.config.MrsConfig;
import mrs.ddl.CatalogSettings;
import mrs.functions.AttributionFunction;
import mrs.job.MrsJob;
import mrs.records.RawRecord;
import mrs.sinks.IcebergSinks;
import mrs.topology.Topology;
import mrs.udfs.attribution.AttributionModel;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The cluster the integration tests run on: parallelism 2, failures fail the test (no restarts). */
public final class MiniClusters {
    private MiniClusters() {}

    /** The test environment, also refusing restarts at job level (checkpointing would enable them). */
    public static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    public static MiniClusterExtension create() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }

    /**
     * Runs the whole topology to the end of the given JSON lines (bounded sources, parallelism 2) into
     * the catalog, creating its tables first. {@code actions} may be null (no analyst input).
     */
    public static void runBounded(String jobName, CatalogSettings catalog, MrsConfig cfg, List<String> sales,
            List<String> stores, List<String> signals, List<String> actions, AttributionFunction.Attributor model)
            throws Exception {
        MrsJob.createTables(catalog);
        StreamExecutionEnvironment env = env();
        env.setParallelism(2);
        MrsJob.configure(env, cfg);
        TypeInformation<RawRecord> raw = TypeInformation.of(RawRecord.class);
        Topology.build(cfg,
                env.fromData(TestData.raw("sales", sales), raw),
                env.fromData(TestData.raw("stores", stores), raw),
                env.fromData(TestData.raw("signals", signals), raw),
                actions == null ? null : env.fromData(TestData.raw("actions", actions), raw),
                new IcebergSinks(catalog), model);
        env.execute(jobName);
    }

    /** As above with the real attribution model and no analyst input. */
    public static void runBounded(String jobName, CatalogSettings catalog, MrsConfig cfg, List<String> sales,
            List<String> stores, List<String> signals) throws Exception {
        runBounded(jobName, catalog, cfg, sales, stores, signals, null, new AttributionModel()::propose);
    }
}
