package mrs.demo;

import java.util.List;
import java.util.Objects;

/**
 * One store of the demo estate, as published on {@code mrs.stores}, plus its relative trading
 * volume. {@code size} is not part of the topic contract; it is exposed so that scenarios and tests
 * can pick busy stores (1.0 is an ordinary supermarket, a convenience store is about 0.5, a large
 * superstore about 2).
 *
 * @param storeId city code and number, e.g. {@code LON-014}
 * @param retailer the retailer that runs the store
 * @param city city name
 * @param region region name
 * @param country ISO country code, always {@code GB} here
 * @param lat latitude, four decimal places
 * @param lon longitude, four decimal places
 * @param tags format ({@code convenience}, {@code supermarket}, {@code superstore}) first, then
 *     footfall tags such as {@code commuter} and {@code station:london-waterloo}
 * @param size relative trading volume
 */
public record Store(
        String storeId,
        String retailer,
        String city,
        String region,
        String country,
        double lat,
        double lon,
        List<String> tags,
        double size) {

    public Store {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(retailer, "retailer");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(country, "country");
        tags = List.copyOf(tags);
        if (!(size > 0)) {
            throw new IllegalArgumentException("size must be positive: " + storeId);
        }
    }

    /** Whether the store carries a tag, e.g. {@code commuter}. */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
