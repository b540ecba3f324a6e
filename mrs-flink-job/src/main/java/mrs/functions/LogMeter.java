package mrs.functions;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes a log's rows through unchanged (chained in front of its sink) and meters them, under the
 * metric group {@code mrs_log=<table>}: {@code rows} (rows written to the log, so per-stage row counts
 * and, for the {@code _errors} logs and refused actions, error counts) and {@code freshnessLagMs}
 * (wall-clock now minus the newest event time written to the log, the metric form of the SQL
 * freshness SLI; -1 until the first row). With the Prometheus reporter these appear as
 * {@code flink_taskmanager_job_task_operator_mrs_log_rows{mrs_log="..."}} and
 * {@code ..._mrs_log_freshnessLagMs}. Wall-clock time is used only for the metric, never in a row.
 */
public class LogMeter<T> extends ProcessFunction<T, T> {
    /** The metric group key; its value is the table name. */
    public static final String GROUP = "mrs_log";

    private final String table;
    private transient Counter rows;
    private transient long newestEventTime;

    public LogMeter(String table) {
        this.table = table;
    }

    @Override
    public void open(OpenContext ctx) {
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(GROUP, table);
        rows = group.counter("rows");
        newestEventTime = Long.MIN_VALUE;
        group.gauge("freshnessLagMs", (Gauge<Long>) () ->
                newestEventTime == Long.MIN_VALUE ? -1L : Math.max(0L, System.currentTimeMillis() - newestEventTime));
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) {
        rows.inc();
        Long ts = ctx.timestamp();
        if (ts != null && ts > newestEventTime && ts < Long.MAX_VALUE) {
            newestEventTime = ts;
        }
        out.collect(value);
    }
}
