package mrs.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates a deterministic UK retail estate and its point-of-sale history from an {@link
 * EstateSpec}: the stores ({@code mrs.stores}), the SKUs, and every sales line ({@code mrs.sales})
 * in ascending event time, ties broken by store id, SKU and line number.
 *
 * <p>Each (store, SKU, hour) draws its units from a Poisson around {@link #expectedUnits} with a
 * {@link SplittableRandom} seeded by a hash of (seed, store, SKU, hour), so any hour can be
 * generated on its own ({@link #salesInHour}) and gives the same lines as a full run. Sales are
 * produced one hour at a time; memory stays at one hour of lines whatever the history length. A
 * cell with units splits into one to three till lines, at most one per two units (rounded up), so a
 * busy hour carries several units a line; rarely a return (negative units) follows.
 *
 * <p>The planted anomalies ({@link #injections()}) and the malformed records ({@link
 * #malformedLines()}) are the ground truth a pipeline run is checked against. An instance is
 * immutable once built, so hours may be generated from several threads at once.
 */
public final class EstateGenerator {
    /** More lines than this per (store, SKU, hour) would make one purchase look like many. */
    private static final int MAX_LINES_PER_CELL = 3;
    /**
     * At most one line per this many units: busy hours add units per line rather than lines, which
     * keeps the default history under two million lines (about 1.7 million, 2.4 units a line).
     */
    private static final int UNITS_PER_EXTRA_LINE = 2;
    /** Share of lines ordered through a delivery app rather than at the till. */
    private static final double DELIVERY_SHARE = 0.04;
    /** Chance that an open (store, SKU, hour) sees a return: rare, as returns of snacks are. */
    private static final double RETURN_RATE = 0.004;
    /** Below this expectation the store is closed or empty and nobody brings anything back. */
    private static final double RETURN_MIN_EXPECTED = 0.05;
    private static final String CHANNEL_STORE = "store";
    private static final String CHANNEL_DELIVERY = "delivery_app";
    private static final DateTimeFormatter BASKET_HOUR = DateTimeFormatter.ofPattern("uuuuMMddHH");
    private static final Comparator<SaleLine> STREAM_ORDER = Comparator
            .comparingLong((SaleLine l) -> l.eventTime().toEpochSecond())
            .thenComparing(SaleLine::storeId)
            .thenComparing(SaleLine::sku)
            .thenComparingInt(SaleLine::line);

    private final EstateSpec spec;
    private final List<Store> stores;
    private final List<Sku> skus;
    private final List<Injection> injections;
    private final DemandModel model;
    private final long startSecond;
    private final int hours;
    /** SKU indices in SKU-code order, the tie-break order of the stream. */
    private final int[] skuOrder;
    private final long[] storeHash;
    private final long[] skuHash;
    private final int[] tills;
    /** Shelf price per [store][sku]: list price times the store's retailer price index. */
    private final BigDecimal[][] price;
    /** Malformed records per hour index, null where there are none. */
    private final List<String>[] malformedByHour;
    private final List<String> malformed;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public EstateGenerator(EstateSpec spec) {
        this.spec = spec;
        this.stores = StoreLayout.build(spec);
        this.skus = List.copyOf(spec.catalogue().subList(0, spec.skus()));
        this.injections = spec.injections().orElseGet(() -> DefaultInjections.resolve(spec, stores, skus));
        this.model = new DemandModel(stores, skus, spec.endDate(), injections);
        this.startSecond = spec.historyStart().getEpochSecond();
        this.hours = (int) ((spec.historyEnd().getEpochSecond() - startSecond) / 3600);
        this.skuOrder = new int[skus.size()];
        Integer[] order = new Integer[skus.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> skus.get(i).sku()));
        Arrays.setAll(skuOrder, i -> order[i]);
        this.storeHash = stores.stream().mapToLong(s -> Hashing.fnv1a64(s.storeId())).toArray();
        this.skuHash = skus.stream().mapToLong(s -> Hashing.fnv1a64(s.sku())).toArray();
        this.tills = stores.stream().mapToInt(EstateGenerator::tillsOf).toArray();
        this.price = new BigDecimal[stores.size()][skus.size()];
        for (int s = 0; s < stores.size(); s++) {
            Retailer retailer = retailer(stores.get(s).retailer());
            for (int k = 0; k < skus.size(); k++) {
                price[s][k] = skus.get(k).listPrice()
                        .multiply(BigDecimal.valueOf(retailer.priceIndex()))
                        .setScale(2, RoundingMode.HALF_UP);
            }
        }
        this.malformedByHour = new List[hours];
        List<String> all = new ArrayList<>();
        for (MalformedLines.Placed p : MalformedLines.build(spec, stores, skus, hours)) {
            if (malformedByHour[p.hourIndex()] == null) {
                malformedByHour[p.hourIndex()] = new ArrayList<>(1);
            }
            malformedByHour[p.hourIndex()].add(p.raw());
            all.add(p.raw());
        }
        this.malformed = List.copyOf(all);
    }

    private static int tillsOf(Store s) {
        return s.hasTag("convenience") ? 3 : s.hasTag("superstore") ? 12 : 6;
    }

    private Retailer retailer(String name) {
        return spec.retailers().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public EstateSpec spec() {
        return spec;
    }

    /** The estate's stores, sorted by store id. */
    public List<Store> stores() {
        return stores;
    }

    /** The estate's SKUs: the first {@link EstateSpec#skus()} of the catalogue, in catalogue order. */
    public List<Sku> skus() {
        return skus;
    }

    /** The planted anomalies: the spec's own, or the default set resolved against this estate. */
    public List<Injection> injections() {
        return injections;
    }

    /** The malformed records mixed into {@link #forEachSalesRecord}, in stream order, verbatim. */
    public List<String> malformedLines() {
        return malformed;
    }

    /** Number of hours in the history (24 per day, 23 or 25 on a clock-change day). */
    public int hours() {
        return hours;
    }

    /**
     * The mean the units of a (store, SKU, hour) are drawn around, injections included: the true
     * baseline a detector is trying to learn, or its multiple inside an injected window.
     */
    public double expectedUnits(String storeId, String sku, Instant hourStart) {
        long second = checkHour(hourStart);
        int s = model.indexOfStore(storeId);
        ZonedDateTime local = hourStart.atZone(EstateSpec.ZONE);
        return model.expected(s, model.indexOfSku(sku), model.hourFactor(s, local), second);
    }

    /**
     * All good sales lines of one hour in stream order; empty outside the history. Identical to
     * that hour's lines in a full run.
     */
    public List<SaleLine> salesInHour(Instant hourStart) {
        long second = checkHour(hourStart);
        if (second < startSecond || second >= startSecond + 3600L * hours) {
            return List.of();
        }
        return generateHour(second);
    }

    /** Every good sales line, in stream order, generated lazily one hour at a time. */
    public Iterator<SaleLine> salesIterator() {
        return new Iterator<>() {
            private int hour;
            private List<SaleLine> buffer = List.of();
            private int next;

            @Override
            public boolean hasNext() {
                while (next == buffer.size() && hour < hours) {
                    buffer = generateHour(startSecond + 3600L * hour++);
                    next = 0;
                }
                return next < buffer.size();
            }

            @Override
            public SaleLine next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.get(next++);
            }
        };
    }

    /** Every good sales line as a sequential, lazily generated stream. */
    public Stream<SaleLine> sales() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(salesIterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Every good sales line, in stream order (no malformed records). */
    public void forEachSale(Consumer<? super SaleLine> sink) {
        for (int h = 0; h < hours; h++) {
            generateHour(startSecond + 3600L * h).forEach(sink);
        }
    }

    /**
     * Every {@code mrs.sales} record as one JSON line, malformed records included at their
     * positions: exactly the lines of the sales file.
     */
    public void forEachSalesRecord(Consumer<? super String> sink) {
        for (int h = 0; h < hours; h++) {
            if (malformedByHour[h] != null) {
                malformedByHour[h].forEach(sink);
            }
            for (SaleLine line : generateHour(startSecond + 3600L * h)) {
                sink.accept(EstateJson.sale(line));
            }
        }
    }

    /**
     * Writes the stores and the sales records as JSON Lines (UTF-8, {@code \n} after every record),
     * creating parent directories. Returns the number of sales records written, malformed included.
     */
    public long writeJsonLines(Path storesFile, Path salesFile) throws IOException {
        try (Writer out = writer(storesFile)) {
            for (Store s : stores) {
                out.write(EstateJson.store(s));
                out.write('\n');
            }
        }
        long[] written = {0};
        try (Writer out = writer(salesFile)) {
            forEachSalesRecord(json -> {
                try {
                    out.write(json);
                    out.write('\n');
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return written[0];
    }

    private static Writer writer(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static long checkHour(Instant hourStart) {
        if (hourStart.getEpochSecond() % 3600 != 0 || hourStart.getNano() != 0) {
            throw new IllegalArgumentException("not the start of an hour: " + hourStart);
        }
        return hourStart.getEpochSecond();
    }

    private List<SaleLine> generateHour(long hourSecond) {
        ZonedDateTime local = Instant.ofEpochSecond(hourSecond).atZone(EstateSpec.ZONE);
        Cell cell = new Cell(local);
        for (int s = 0; s < stores.size(); s++) {
            double hourFactor = model.hourFactor(s, local);
            if (hourFactor == 0) {
                continue;
            }
            for (int k : skuOrder) {
                cell.generate(s, k, model.expected(s, k, hourFactor, hourSecond));
            }
        }
        cell.lines.sort(STREAM_ORDER);
        return cell.lines;
    }

    /** Turns the expected units of each (store, SKU) of one hour into till lines. */
    private final class Cell {
        private final long hourSecond;
        private final OffsetDateTime hourStart;
        private final String basketHour;
        private final List<SaleLine> lines = new ArrayList<>();

        Cell(ZonedDateTime local) {
            this.hourSecond = local.toEpochSecond();
            this.hourStart = local.toOffsetDateTime();
            this.basketHour = local.format(BASKET_HOUR);
        }

        void generate(int s, int k, double expected) {
            if (expected <= 0) {
                return;
            }
            // One stream per (seed, store, SKU, hour), drawn in a fixed order below: the lines of a
            // cell never depend on which other cells were generated, or in what order.
            SplittableRandom r = new SplittableRandom(
                    Hashing.mix(Hashing.mix(Hashing.mix(spec.seed(), storeHash[s]), skuHash[k]), hourSecond));
            int units = DemandModel.poisson(r, expected);
            int count = 0;
            if (units > 0) {
                int most = (units + UNITS_PER_EXTRA_LINE - 1) / UNITS_PER_EXTRA_LINE;
                count = 1 + r.nextInt(Math.min(most, MAX_LINES_PER_CELL));
                int[] split = new int[count];
                Arrays.fill(split, 1);
                for (int extra = units - count; extra > 0; extra--) {
                    split[r.nextInt(count)]++;
                }
                int[] seconds = new int[count];
                for (int i = 0; i < count; i++) {
                    seconds[i] = r.nextInt(3600);
                }
                Arrays.sort(seconds);
                for (int i = 0; i < count; i++) {
                    boolean delivery = r.nextDouble() < DELIVERY_SHARE;
                    int till = r.nextInt(tills[s]);
                    add(s, k, i, seconds[i], split[i], delivery ? CHANNEL_DELIVERY : CHANNEL_STORE,
                            delivery ? "APP" : "T" + (till + 1));
                }
            }
            if (expected >= RETURN_MIN_EXPECTED && r.nextDouble() < RETURN_RATE) {
                int returned = r.nextDouble() < 0.15 ? -2 : -1;
                int second = r.nextInt(3600);
                add(s, k, count, second, returned, CHANNEL_STORE, "T" + (r.nextInt(tills[s]) + 1));
            }
        }

        private void add(int s, int k, int line, int second, int units, String channel, String till) {
            Store store = stores.get(s);
            String sku = skus.get(k).sku();
            int minute = second / 60;
            lines.add(new SaleLine(
                    Hashing.uuid(spec.seed(), store.storeId(), sku, hourSecond, line),
                    store.storeId(),
                    sku,
                    hourStart.plusSeconds(second),
                    units,
                    price[s][k].multiply(BigDecimal.valueOf(units)),
                    EstateSpec.CURRENCY,
                    store.retailer(),
                    channel,
                    "B-" + store.storeId() + "-" + basketHour + (minute < 10 ? "0" : "") + minute + "-" + till,
                    line));
        }
    }
}
