package mrs.demo;

import java.util.Objects;

/**
 * A city of the demo estate: where its stores sit, which region they report under and how large a
 * share of the estate it holds. The region names are the ones signals and analysts scope by
 * ({@code London}, {@code West Midlands}, {@code North West}, {@code Yorkshire}, {@code South West},
 * {@code East of England}, {@code South East}).
 *
 * @param name city name as written to {@code mrs.stores}
 * @param code three-letter prefix of its store ids ({@code LON} gives {@code LON-014})
 * @param region region the city belongs to
 * @param lat latitude of the centre stores are scattered around
 * @param lon longitude of the centre
 * @param weight relative share of the estate's stores
 * @param commuterShare fraction of its convenience stores that trade on commuter footfall
 * @param largeFormatScale how much busier its supermarkets and superstores are than their retailer's
 *     format sizes say (1 = as the retailer's range; above 1 out-of-town hypermarkets)
 */
public record City(
        String name, String code, String region, double lat, double lon, double weight, double commuterShare,
        double largeFormatScale) {

    /** A city whose large-format stores are sized as their retailer's range. */
    public City(String name, String code, String region, double lat, double lon, double weight, double commuterShare) {
        this(name, code, region, lat, lon, weight, commuterShare, 1.0);
    }

    public City {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("city code must be three capital letters, got " + code);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("city weight must be positive: " + name);
        }
        if (commuterShare < 0 || commuterShare > 1) {
            throw new IllegalArgumentException("commuterShare must be in [0,1]: " + name);
        }
        if (!(largeFormatScale > 0)) {
            throw new IllegalArgumentException("largeFormatScale must be positive: " + name);
        }
    }

    /** The same city with its large-format stores at {@code scale} times their format's size. */
    public City withLargeFormatScale(double scale) {
        return new City(name, code, region, lat, lon, weight, commuterShare, scale);
    }
}
