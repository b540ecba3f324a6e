package mrs.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Gauge;

/**
 * Samples one running job every {@value #PERIOD_MS} ms from {@link BenchMetrics}: the sales parser's
 * accepted count (when the first and the last expected event were parsed) and the input watermark of
 * each subtask of a watched operator (every change, with the wall-clock time it was seen), so the time a
 * window closed can be looked up afterwards.
 */
final class JobSampler implements AutoCloseable {
    static final long PERIOD_MS = 2;

    private final String job;
    private final String watermarkOperator;
    private final int parallelism;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long expected;
    private volatile long parsed;
    private volatile long firstParsedAt = -1;
    private volatile long allParsedAt = -1;
    /** Per subtask gauge: {wallClock, watermark} at every change. Guarded by {@code this}. */
    private final Map<Gauge<Long>, List<long[]>> history = new IdentityHashMap<>();

    private final String watermarkGauge;

    JobSampler(String job, String watermarkOperator, int parallelism) {
        this(job, watermarkOperator, BenchMetrics.INPUT_WATERMARK, parallelism);
    }

    /** Samples the named watermark gauge ({@code currentInputWatermark}, {@code currentOutputWatermark}) of the operator. */
    JobSampler(String job, String watermarkOperator, String watermarkGauge, int parallelism) {
        this.watermarkGauge = watermarkGauge;
        this.job = job;
        this.watermarkOperator = watermarkOperator;
        this.parallelism = parallelism;
        this.thread = new Thread(this::loop, "bench-sampler-" + job);
        thread.setDaemon(true);
        thread.start();
    }

    /** Sets how many parsed events mean "all of them" (may be set once publishing has finished). */
    void expect(long events) {
        expected = events;
    }

    long parsed() {
        return parsed;
    }

    /** Wall-clock ms when the first event was parsed, or -1. */
    long firstParsedAt() {
        return firstParsedAt;
    }

    /** Wall-clock ms when the expected number of events had been parsed, or -1. */
    long allParsedAt() {
        return allParsedAt;
    }

    private void loop() {
        List<Gauge<Long>> gauges = List.of();
        while (running) {
            long now = System.currentTimeMillis();
            long n = BenchMetrics.counter(job, BenchMetrics.PARSED);
            parsed = n;
            if (n > 0 && firstParsedAt < 0) {
                firstParsedAt = now;
            }
            long e = expected;
            if (e > 0 && n >= e && allParsedAt < 0) {
                allParsedAt = now;
            }
            if (watermarkOperator != null) {
                if (gauges.size() < parallelism) {
                    gauges = BenchMetrics.watermarks(job, watermarkOperator, watermarkGauge);
                }
                synchronized (this) {
                    for (Gauge<Long> g : gauges) {
                        Long v = g.getValue();
                        if (v == null) {
                            continue;
                        }
                        List<long[]> h = history.computeIfAbsent(g, k -> new ArrayList<>());
                        if (h.isEmpty() || h.get(h.size() - 1)[1] != v) {
                            h.add(new long[] {now, v});
                        }
                    }
                }
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }

    /** Whether every subtask of the watched operator is up (its watermark gauge is registered). */
    synchronized boolean ready() {
        return history.size() >= parallelism;
    }

    /** The lowest current watermark over the watched operator's subtasks (MIN_VALUE before all report). */
    synchronized long watermark() {
        if (history.size() < parallelism) {
            return Long.MIN_VALUE;
        }
        long min = Long.MAX_VALUE;
        for (List<long[]> h : history.values()) {
            min = Math.min(min, h.get(h.size() - 1)[1]);
        }
        return min;
    }

    /**
     * Wall-clock ms at which the watermark of the first ({@code last = false}) or the last subtask to get
     * there reached {@code timestamp}; -1 if not (yet) every subtask did.
     */
    synchronized long reached(long timestamp, boolean last) {
        if (history.size() < parallelism) {
            return -1;
        }
        long result = last ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (List<long[]> h : history.values()) {
            long at = -1;
            for (long[] p : h) {
                if (p[1] >= timestamp) {
                    at = p[0];
                    break;
                }
            }
            if (at < 0) {
                if (last) {
                    return -1;
                }
                continue;
            }
            result = last ? Math.max(result, at) : Math.min(result, at);
        }
        return result == Long.MAX_VALUE || result == Long.MIN_VALUE ? -1 : result;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
