package mrs.functions;

import java.io.Serializable;
import mrs.records.IngestError;
import mrs.records.RawRecord;
import mrs.serde.InvalidRecordException;
import mrs.udfs.ids.Ids;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses raw records of one topic with that topic's deserializer. Valid records go downstream; every
 * refused one goes to {@link Tags#ERRORS} with its raw payload, position and reason. Counts both as
 * metrics and accumulators, so accepted + refused = input can be checked.
 */
public class ParseFunction<T> extends ProcessFunction<RawRecord, T> {

    /** The per-topic parser. */
    @FunctionalInterface
    public interface Parser<T> extends Serializable {
        T parse(String payload) throws InvalidRecordException;
    }

    private final String stage;
    private final Parser<T> parser;
    private transient Counter accepted;
    private transient Counter refused;
    private transient LongCounter acceptedTotal;
    private transient LongCounter refusedTotal;

    public ParseFunction(String stage, Parser<T> parser) {
        this.stage = stage;
        this.parser = parser;
    }

    @Override
    public void open(OpenContext ctx) {
        accepted = getRuntimeContext().getMetricGroup().counter(stage + "-accepted");
        refused = getRuntimeContext().getMetricGroup().counter(stage + "-refused");
        acceptedTotal = new LongCounter();
        refusedTotal = new LongCounter();
        getRuntimeContext().addAccumulator(stage + "-accepted", acceptedTotal);
        getRuntimeContext().addAccumulator(stage + "-refused", refusedTotal);
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        T parsed;
        try {
            parsed = parser.parse(raw.payload);
        } catch (InvalidRecordException e) {
            refused.inc();
            refusedTotal.add(1);
            ctx.output(Tags.ERRORS, error(stage, raw, e.getMessage(), e.eventTime()));
            return;
        } catch (RuntimeException e) {
            // A parser bug must not stop the job: the record is kept with the failure for diagnosis.
            refused.inc();
            refusedTotal.add(1);
            ctx.output(Tags.ERRORS, error(stage, raw, "internal parse failure: " + e, null));
            return;
        }
        accepted.inc();
        acceptedTotal.add(1);
        out.collect(parsed);
    }

    static IngestError error(String stage, RawRecord raw, String message, Long eventTime) {
        IngestError err = new IngestError();
        err.stage = stage;
        err.source = raw.source;
        err.sourcePartition = raw.partition;
        err.sourceOffset = raw.offset;
        err.rawPayload = raw.payload;
        err.error = message;
        err.eventTime = eventTime;
        err.writtenAt = eventTime != null ? eventTime : (raw.timestamp >= 0 ? raw.timestamp : null);
        err.errorId = Ids.errorId(stage, raw.source, raw.partition, raw.offset, raw.payload);
        return err;
    }
}
