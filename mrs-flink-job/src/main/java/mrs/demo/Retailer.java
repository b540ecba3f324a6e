package mrs.demo;

import java.util.Map;
import java.util.Objects;

/**
 * A grocery retailer of the demo estate and the shape of its store network: its national share of
 * stores, how much of its network is small convenience formats, the size range of its larger stores,
 * its price position, and where it over-indexes (Waitrose in the South East, Morrisons in the
 * North). Sizes are relative trading volumes: 1.0 is an ordinary supermarket.
 *
 * @param name retailer name as written to {@code mrs.stores} and {@code mrs.sales}
 * @param share national share of the estate's stores (relative weight)
 * @param priceIndex shelf price relative to the catalogue price (1.00 = list price)
 * @param convenienceShare fraction of its stores that are convenience formats
 * @param minSize smallest relative size of its larger (non-convenience) stores
 * @param maxSize largest relative size of its larger stores
 * @param regionalBias multiplier on {@code share} per region; regions not listed get 1.0
 */
public record Retailer(
        String name,
        double share,
        double priceIndex,
        double convenienceShare,
        double minSize,
        double maxSize,
        Map<String, Double> regionalBias) {

    public Retailer {
        Objects.requireNonNull(name, "name");
        if (!(share > 0) || !(priceIndex > 0)) {
            throw new IllegalArgumentException("share and priceIndex must be positive: " + name);
        }
        if (convenienceShare < 0 || convenienceShare > 1) {
            throw new IllegalArgumentException("convenienceShare must be in [0,1]: " + name);
        }
        if (!(minSize > 0) || maxSize < minSize) {
            throw new IllegalArgumentException("need 0 < minSize <= maxSize: " + name);
        }
        // Only ever looked up by key, never iterated, so map order cannot leak into the output.
        regionalBias = Map.copyOf(regionalBias);
    }

    /** This retailer's weight in a region: national share times the regional bias. */
    public double weightIn(String region) {
        return share * regionalBias.getOrDefault(region, 1.0);
    }
}
