package mrs.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mrs.demo.EstateJson;
import mrs.embedded.Publisher;
import mrs.demo.SaleLine;
import mrs.demo.Store;

/**
 * Publishes a {@link ScaleEstate} to Kafka in the {@code mrs.sales} / {@code mrs.stores} contracts: the
 * stores, then every sales line in event-time order, keyed by store id (a store's lines stay in one
 * partition, in order) and stamped with its event time. Hours are generated ahead on worker threads
 * (each hour is independent) while this thread sends; {@code rate} events/s paces the sending, 0 sends
 * as fast as the broker takes them.
 *
 * <p>Records, per hour, how many distinct (store, SKU) keys had been published by its end
 * ({@link Result#keysThroughHour}): the keys a detector holds state for, and the windows it assesses.
 */
public final class SalesPublisher implements AutoCloseable {
    private final Publisher publisher;
    /** Highest event time acknowledged per partition (sales only): where each reader's watermark ends. */
    private final Map<Integer, Long> maxTimestampByPartition = new java.util.concurrent.ConcurrentHashMap<>();

    /** What was published. */
    public record Result(long events, long bytes, double seconds, int hours, long[] keysThroughHour,
            long lastEventTime, Map<Integer, Long> maxTimestampByPartition) {
        /** Distinct (store, SKU) keys published. */
        public long keys() {
            return hours == 0 ? 0 : keysThroughHour[hours - 1];
        }

        /**
         * (store, SKU) windows the detector assesses up to the last closed hour: each key has a window every
         * hour from its first sale on (empty ones included, up to {@code mrs.detector.max-silent-windows}),
         * and the final sales watermark closes every hour but the last.
         */
        public long keyWindows() {
            long sum = 0;
            for (int h = 0; h < hours - 1; h++) {
                sum += keysThroughHour[h];
            }
            return sum;
        }

        /** The lowest of the partitions' highest event times: the sales watermark ends just below it. */
        public long lowestPartitionMaxTimestamp() {
            return maxTimestampByPartition.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
        }

        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }

    }

    public SalesPublisher(String bootstrapServers) {
        publisher = new Publisher(bootstrapServers);
    }

    /** Publishes the estate's stores (one record per store, keyed by store id); returns how many. */
    public int publishStores(ScaleEstate estate, String topic) {
        List<Store> stores = estate.generator().stores();
        for (Store s : stores) {
            publisher.send(topic, s.storeId().getBytes(StandardCharsets.UTF_8),
                    EstateJson.store(s).getBytes(StandardCharsets.UTF_8), null, null);
        }
        flush();
        return stores.size();
    }

    /**
     * Publishes the sales lines of every hour, at most {@code maxEvents} (0 = all), at {@code rate}
     * events/s (0 = as fast as possible), generating on {@code threads} worker threads.
     */
    public Result publishSales(ScaleEstate estate, String topic, long maxEvents, double rate, int threads,
            PrintStream log) throws Exception {
        int hours = estate.hours();
        Map<String, Integer> storeIndex = new HashMap<>();
        List<Store> stores = estate.generator().stores();
        for (int i = 0; i < stores.size(); i++) {
            storeIndex.put(stores.get(i).storeId(), i);
        }
        Map<String, Integer> skuIndex = new HashMap<>();
        for (int i = 0; i < estate.skus(); i++) {
            skuIndex.put(estate.generator().skus().get(i).sku(), i);
        }
        long[] keysThrough = new long[hours];
        BitSet seen = new BitSet((int) Math.min(Integer.MAX_VALUE, estate.keys()));
        long keys = 0;
        long events = 0;
        long bytes = 0;
        long lastEventTime = Long.MIN_VALUE;
        long t0 = System.nanoTime();
        long nextLog = t0 + 5_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sales-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Hour>> ahead = new ArrayDeque<>();
            int submitted = 0;
            outer:
            for (int h = 0; h < hours; h++) {
                while (submitted < hours && ahead.size() < Math.max(2, threads * 2)) {
                    int hour = submitted++;
                    ahead.add(pool.submit(() -> Hour.generate(estate, hour, storeIndex, skuIndex)));
                }
                Hour batch = ahead.poll().get();
                for (int i = 0; i < batch.size(); i++) {
                    if (maxEvents > 0 && events >= maxEvents) {
                        Arrays.fill(keysThrough, h, hours, keys);
                        break outer;
                    }
                    sendSale(topic, batch.storeIds[i], batch.values[i], batch.timestamps[i]);
                    int key = batch.keys[i];
                    if (!seen.get(key)) {
                        seen.set(key);
                        keys++;
                    }
                    events++;
                    bytes += batch.values[i].length;
                    lastEventTime = Math.max(lastEventTime, batch.timestamps[i]);
                    if (rate > 0 && (events % 500) == 0) {
                        long due = t0 + (long) (events / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
                keysThrough[h] = keys;
                if (log != null && System.nanoTime() > nextLog) {
                    nextLog = System.nanoTime() + 5_000_000_000L;
                    double s = (System.nanoTime() - t0) / 1e9;
                    log.printf("  published %,d sales events (hour %d of %d, %,.0f events/s)%n", events, h + 1,
                            hours, events / s);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        flush();
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Result(events, bytes, secs, hours, keysThrough, lastEventTime,
                Map.copyOf(maxTimestampByPartition));
    }

    private void sendSale(String topic, String key, byte[] value, long timestamp) {
        publisher.send(topic, key.getBytes(StandardCharsets.UTF_8), value, timestamp,
                partition -> maxTimestampByPartition.merge(partition, timestamp, Math::max));
    }

    /** Waits for everything sent; fails if the broker refused any record. */
    public void flush() {
        publisher.flush();
    }

    @Override
    public void close() {
        publisher.close();
    }

    /** One hour of sales, serialized, in stream order. */
    private static final class Hour {
        final String[] storeIds;
        final byte[][] values;
        final long[] timestamps;
        final int[] keys;

        private Hour(int n) {
            storeIds = new String[n];
            values = new byte[n][];
            timestamps = new long[n];
            keys = new int[n];
        }

        int size() {
            return values.length;
        }

        static Hour generate(ScaleEstate estate, int hour, Map<String, Integer> storeIndex,
                Map<String, Integer> skuIndex) {
            List<SaleLine> lines = estate.generator().salesInHour(estate.hourStart(hour));
            Hour b = new Hour(lines.size());
            int skus = estate.skus();
            for (int i = 0; i < lines.size(); i++) {
                SaleLine l = lines.get(i);
                b.storeIds[i] = l.storeId();
                b.values[i] = EstateJson.sale(l).getBytes(StandardCharsets.UTF_8);
                b.timestamps[i] = l.eventTime().toInstant().toEpochMilli();
                b.keys[i] = storeIndex.get(l.storeId()) * skus + skuIndex.get(l.sku());
            }
            return b;
        }
    }
}
