package mrs.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A product line of the demo catalogue. {@code popularity} scales its hourly demand relative to
 * the best seller (1.0); {@code listPrice} is the shelf price before a retailer's price index.
 *
 * @param sku SKU code as written to {@code mrs.sales}, e.g. {@code SKU-JUPDUO}
 * @param name display name, e.g. {@code Jupyter Bar Duo}
 * @param category {@code confectionery}, {@code drinks} or {@code snacks}
 * @param listPrice shelf price in GBP, two decimal places
 * @param popularity relative demand, in (0, 1]
 */
public record Sku(String sku, String name, String category, BigDecimal listPrice, double popularity) {

    public Sku {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (sku == null || !sku.startsWith("SKU-")) {
            throw new IllegalArgumentException("sku codes start with SKU-, got " + sku);
        }
        if (listPrice == null || listPrice.signum() <= 0) {
            throw new IllegalArgumentException("listPrice must be positive: " + sku);
        }
        if (!(popularity > 0) || popularity > 1) {
            throw new IllegalArgumentException("popularity must be in (0,1]: " + sku);
        }
        listPrice = listPrice.setScale(2, RoundingMode.HALF_UP);
    }

    /** Convenience constructor for catalogue tables: the price as a plain string ("1.99"). */
    public Sku(String sku, String name, String category, String listPrice, double popularity) {
        this(sku, name, category, new BigDecimal(listPrice), popularity);
    }
}
