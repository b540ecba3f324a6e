package mrs.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that hands the benchmark, in the same JVM, the live metric objects it
 * samples: the sales parser's accepted-records counter (throughput) and the detector's current input
 * watermark (when a window closes). Configured on the benchmark's MiniCluster as
 * {@code metrics.reporter.bench.factory.class}; reading a counter or gauge is a plain field read, so
 * sampling every few milliseconds costs the job nothing. Metrics are kept after the job ends (their last
 * values stay readable), keyed by job name, which is unique per run.
 */
public final class BenchMetrics implements MetricReporter {
    /** Counter registered by {@code ParseFunction("parse-sales", ...)}. */
    public static final String PARSED = "parse-sales-accepted";
    /** Flink's per-operator input watermark gauge. */
    public static final String INPUT_WATERMARK = "currentInputWatermark";
    /**
     * Flink's per-operator output watermark gauge. The episode operator's input gauge is the minimum of
     * its two inputs and stays at its minimum because the store dimension (second input) is idle once
     * loaded; its output watermark is its event time (and it has emitted everything before it).
     */
    public static final String OUTPUT_WATERMARK = "currentOutputWatermark";

    private static final Map<String, Metric> METRICS = new ConcurrentHashMap<>();

    /** Sum of a counter over every subtask of the job's operators of that name. */
    public static long counter(String job, String metric) {
        long sum = 0;
        for (Map.Entry<String, Metric> e : METRICS.entrySet()) {
            if (e.getKey().startsWith(job + "|") && e.getKey().endsWith("|" + metric)
                    && e.getValue() instanceof Counter c) {
                sum += c.getCount();
            }
        }
        return sum;
    }

    /** The watermark gauges of an operator, one per subtask, in no particular order. */
    @SuppressWarnings("unchecked")
    public static List<Gauge<Long>> watermarks(String job, String operator, String gauge) {
        List<Gauge<Long>> out = new ArrayList<>();
        for (Map.Entry<String, Metric> e : METRICS.entrySet()) {
            if (e.getKey().startsWith(job + "|" + operator + "|") && e.getKey().endsWith("|" + gauge)
                    && e.getValue() instanceof Gauge<?> g) {
                out.add((Gauge<Long>) g);
            }
        }
        return out;
    }

    /** Forgets a finished job's metrics. */
    public static void forget(String job) {
        METRICS.keySet().removeIf(k -> k.startsWith(job + "|"));
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (!PARSED.equals(name) && !INPUT_WATERMARK.equals(name) && !OUTPUT_WATERMARK.equals(name)) {
            return;
        }
        Map<String, String> vars = group.getAllVariables();
        String job = vars.get("<job_name>");
        String operator = vars.get("<operator_name>");
        String subtask = vars.get("<subtask_index>");
        if (job == null || operator == null) {
            return; // task-level duplicate of the operator's gauge
        }
        METRICS.put(job + "|" + operator + "|" + subtask + "|" + name, metric);
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // Kept on purpose: the final counts are read after the job has finished.
    }

    /** Instantiated by Flink from {@code metrics.reporter.bench.factory.class}. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new BenchMetrics();
        }
    }
}
