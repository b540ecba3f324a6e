package mrs.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out the estate's stores: how many per city (proportional to city weight), which retailer
 * runs each (proportional to the retailer's regional weight), each store's format, size and
 * location. The layout deliberately ignores the spec's seed (see {@link EstateSpec}) and uses whole
 * apportionment rather than sampling, so that a city's retailer mix is exactly its expected mix.
 */
final class StoreLayout {
    /** Fixed seed of the layout draws; changing it moves every store. */
    private static final long LAYOUT_SEED = 0x4D52532D45535441L;

    /** London Waterloo station: case study 6 needs four commuter stores around it. */
    static final String WATERLOO_TAG = "station:london-waterloo";
    private static final double WATERLOO_LAT = 51.5032;
    private static final double WATERLOO_LON = -0.1123;
    private static final int WATERLOO_STORES = 4;

    private StoreLayout() {}

    static List<Store> build(EstateSpec spec) {
        List<City> cities = spec.cities();
        int[] perCity = apportion(spec.stores(), cities.stream().mapToDouble(City::weight).toArray());
        List<Store> stores = new ArrayList<>(spec.stores());
        for (int c = 0; c < cities.size(); c++) {
            stores.addAll(cityStores(cities.get(c), perCity[c], spec.retailers()));
        }
        stores.sort(Comparator.comparing(Store::storeId));
        return List.copyOf(stores);
    }

    private static List<Store> cityStores(City city, int count, List<Retailer> retailers) {
        if (count == 0) {
            return List.of();
        }
        int[] perRetailer =
                apportion(count, retailers.stream().mapToDouble(r -> r.weightIn(city.region())).toArray());
        List<Retailer> slots = new ArrayList<>(count);
        for (int r = 0; r < retailers.size(); r++) {
            for (int i = 0; i < perRetailer[r]; i++) {
                slots.add(retailers.get(r));
            }
        }
        // Shuffle so store numbers do not read retailer by retailer (LON-001..008 all Tesco).
        SplittableRandom shuffle = new SplittableRandom(Hashing.mix(LAYOUT_SEED, Hashing.fnv1a64(city.code())));
        for (int i = slots.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            Retailer t = slots.get(i);
            slots.set(i, slots.get(j));
            slots.set(j, t);
        }
        List<Store> stores = new ArrayList<>(count);
        int waterlooLeft = city.name().equals("London") ? WATERLOO_STORES : 0;
        for (int n = 0; n < count; n++) {
            String id = String.format("%s-%03d", city.code(), n + 1);
            Store s = store(id, city, slots.get(n));
            if (waterlooLeft > 0 && s.hasTag("convenience")) {
                s = atWaterloo(s, n);
                waterlooLeft--;
            }
            stores.add(s);
        }
        return stores;
    }

    private static Store store(String id, City city, Retailer retailer) {
        // One random stream per store id, drawn in a fixed order: the store does not change when
        // another city gains or loses stores.
        SplittableRandom r = new SplittableRandom(Hashing.mix(LAYOUT_SEED, Hashing.fnv1a64(id)));
        boolean convenience = r.nextDouble() < retailer.convenienceShare();
        double u = r.nextDouble();
        double size = convenience
                ? 0.35 + 0.35 * u
                : retailer.minSize() + (retailer.maxSize() - retailer.minSize()) * u;
        if (!convenience) {
            size *= city.largeFormatScale();
        }
        boolean commuter = convenience && r.nextDouble() < city.commuterShare();
        // Scatter around the centre: bigger cities spread wider; sqrt keeps the density even.
        double radius = (0.015 + 0.0028 * city.weight()) * StrictMath.sqrt(r.nextDouble());
        double angle = 2 * Math.PI * r.nextDouble();
        double lat = city.lat() + radius * StrictMath.sin(angle);
        double lon = city.lon() + radius * StrictMath.cos(angle) / StrictMath.cos(StrictMath.toRadians(city.lat()));
        List<String> tags = new ArrayList<>(3);
        tags.add(convenience ? "convenience" : size >= 1.5 ? "superstore" : "supermarket");
        if (commuter) {
            tags.add("commuter");
        }
        return new Store(id, retailer.name(), city.name(), city.region(), EstateSpec.COUNTRY,
                round4(lat), round4(lon), tags, round3(size));
    }

    private static Store atWaterloo(Store s, int n) {
        // Within ~400 m of the station, spread around it so the four stores do not coincide.
        double angle = Math.PI / 2 * n + 0.4;
        double lat = WATERLOO_LAT + 0.0030 * StrictMath.sin(angle);
        double lon = WATERLOO_LON + 0.0045 * StrictMath.cos(angle);
        // Station concourse stores trade like supermarkets at the rush: among the estate's busiest.
        return new Store(s.storeId(), s.retailer(), s.city(), s.region(), s.country(), round4(lat),
                round4(lon), List.of("convenience", "commuter", WATERLOO_TAG), round3(1.6 + 0.1 * (n % 4)));
    }

    /**
     * Largest-remainder apportionment of {@code total} seats by {@code weights}; ties go to the
     * earlier index, so the result is deterministic and sums to {@code total}.
     */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] seats = new int[weights.length];
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = total * weights[i] / sum;
            seats[i] = (int) Math.floor(quota);
            remainder[i] = quota - seats[i];
            given += seats[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainder[i] > remainder[best] + 1e-12) {
                    best = i;
                }
            }
            seats[best]++;
            remainder[best] = -1;
        }
        return seats;
    }

    private static double round4(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round3(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
