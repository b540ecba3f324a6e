package mrs.demo;

import java.util.List;
import java.util.Map;

/**
 * The default UK estate: twelve cities across seven regions, seven grocery retailers with their
 * real-world footprint (Waitrose over-indexes in the South East, Morrisons in the North, Co-op is
 * almost all convenience) and a catalogue of confectionery, drinks and snacks whose demand falls off
 * steeply after the best seller (Aurora Cola) and the best-selling snack (sea salt crisps), so the
 * estate's busiest lines are the superstores' cola and crisps. Brands are invented except for the
 * scenario's own {@code Jupyter Bar Duo}. The catalogue is ordered so that the default first 24 SKUs
 * contain every SKU the default injections and the demo case studies use.
 */
public final class UkCatalogue {
    /** The scenario's viral product (case study 1, the TikTok "Jupyter Challenge"). */
    public static final String JUPYTER_BAR_DUO = "SKU-JUPDUO";
    /** The best-selling line of the catalogue. */
    public static final String AURORA_COLA = "SKU-AURCOL";
    /** The best-selling snack. */
    public static final String SEA_SALT_CRISPS = "SKU-CRSSLT";
    /** A sharing bag, the Instagram Reels product of the default injections. */
    public static final String NEBULA_BUTTONS = "SKU-NEBBTN";

    private static final List<City> CITIES = List.of(
            new City("London", "LON", "London", 51.5074, -0.1278, 30, 0.45),
            new City("Birmingham", "BHM", "West Midlands", 52.4862, -1.8904, 14, 0.20),
            new City("Manchester", "MAN", "North West", 53.4808, -2.2426, 12, 0.20),
            new City("Leeds", "LDS", "Yorkshire", 53.8008, -1.5491, 9, 0.15),
            new City("Bristol", "BRS", "South West", 51.4545, -2.5879, 8, 0.15),
            new City("Norwich", "NRW", "East of England", 52.6309, 1.2974, 6, 0.10),
            new City("Brighton", "BTN", "South East", 50.8225, -0.1372, 7, 0.25),
            new City("Reading", "RDG", "South East", 51.4543, -0.9781, 7, 0.35),
            new City("Guildford", "GLD", "South East", 51.2362, -0.5704, 7, 0.35),
            new City("Liverpool", "LIV", "North West", 53.4084, -2.9916, 8, 0.15),
            new City("Cambridge", "CAM", "East of England", 52.2053, 0.1218, 5, 0.20),
            new City("Oxford", "OXF", "South East", 51.7520, -1.2577, 7, 0.20));

    private static final List<Retailer> RETAILERS = List.of(
            new Retailer("Tesco", 0.27, 1.00, 0.45, 1.0, 2.2, Map.of()),
            new Retailer("Sainsbury's", 0.16, 1.00, 0.40, 1.0, 1.9, Map.of("London", 1.3)),
            new Retailer("Asda", 0.10, 0.95, 0.0, 1.5, 2.2,
                    Map.of("North West", 1.6, "Yorkshire", 1.6, "South East", 0.3, "London", 0.5)),
            new Retailer("Morrisons", 0.09, 0.97, 0.15, 1.2, 1.9,
                    Map.of("Yorkshire", 2.5, "North West", 1.8, "South East", 0.3, "London", 0.5)),
            new Retailer("Co-op", 0.14, 1.08, 1.0, 0.5, 0.5,
                    Map.of("East of England", 1.6, "North West", 1.3, "South East", 0.6)),
            // Waitrose's estate is concentrated in London and the Home Counties; the scenario's till-fault
            // case needs fifteen Waitrose stores in the South East.
            new Retailer("Waitrose", 0.07, 1.06, 0.25, 0.8, 1.4,
                    Map.of("South East", 10.0, "London", 1.8, "North West", 0.3, "Yorkshire", 0.3,
                            "West Midlands", 0.5)),
            new Retailer("M&S", 0.08, 1.10, 0.70, 0.9, 1.3, Map.of("London", 1.5)));

    private static final List<Sku> SKUS = List.of(
            new Sku(AURORA_COLA, "Aurora Cola 500ml", "drinks", "1.45", 1.00),
            new Sku("SKU-FELH2O", "Fellside Sparkling Water 500ml", "drinks", "0.95", 0.63),
            new Sku(SEA_SALT_CRISPS, "Hillcrest Sea Salt Crisps 40g", "snacks", "0.95", 0.80),
            new Sku("SKU-JUPBAR", "Jupyter Bar 45g", "confectionery", "1.10", 0.56),
            new Sku("SKU-AURZER", "Aurora Cola Zero 500ml", "drinks", "1.45", 0.55),
            new Sku(JUPYTER_BAR_DUO, "Jupyter Bar Duo", "confectionery", "1.99", 0.60),
            new Sku("SKU-CMTCRN", "Comet Crunch Bar 40g", "confectionery", "0.95", 0.43),
            new Sku("SKU-VLTNRG", "Voltline Energy 250ml", "drinks", "1.55", 0.42),
            new Sku(NEBULA_BUTTONS, "Nebula Buttons Sharing Bag 119g", "confectionery", "1.75", 0.39),
            new Sku("SKU-CRSCHO", "Hillcrest Cheese & Onion Crisps 6x25g", "snacks", "1.99", 0.35),
            new Sku("SKU-SATCAR", "Saturn Caramel Rings 150g", "confectionery", "1.35", 0.34),
            new Sku("SKU-CITFZZ", "Citrus Fizz 330ml", "drinks", "1.10", 0.32),
            new Sku("SKU-COLDBR", "Northbrew Cold Brew Coffee 250ml", "drinks", "2.20", 0.29),
            new Sku("SKU-LUNMNT", "Lunar Mints 35g", "confectionery", "0.85", 0.28),
            new Sku("SKU-PROBAR", "Ironfield Protein Bar Peanut 55g", "snacks", "1.85", 0.27),
            new Sku("SKU-PRTZLS", "Twistle Salted Pretzels 150g", "snacks", "1.30", 0.25),
            new Sku("SKU-ORJ1LT", "Sunvale Orange Juice 1L", "drinks", "2.40", 0.25),
            new Sku("SKU-ICTEAP", "Orchard Peach Iced Tea 500ml", "drinks", "1.60", 0.24),
            new Sku("SKU-STRCHW", "Stardust Fruit Chews 150g", "confectionery", "1.00", 0.24),
            new Sku("SKU-POPCRN", "Kernel & Co Sweet & Salty Popcorn 80g", "snacks", "1.50", 0.22),
            new Sku("SKU-MTRWAF", "Meteor Wafer 4-pack", "confectionery", "2.25", 0.21),
            new Sku("SKU-TORTCH", "Casa Verde Tortilla Chips 200g", "snacks", "1.75", 0.20),
            new Sku("SKU-NUTMIX", "Roasted Nut Mix 200g", "snacks", "2.75", 0.18),
            new Sku("SKU-PLTDRK", "Pluto Dark 70% Bar 100g", "confectionery", "2.10", 0.15),
            new Sku("SKU-GUMBRS", "Fizzy Gummy Bears 160g", "confectionery", "1.20", 0.21),
            new Sku("SKU-LEMNAD", "Cloudy Lemonade 1.5L", "drinks", "1.80", 0.17),
            new Sku("SKU-RCECRK", "Puffwell Dark Chocolate Rice Cakes", "snacks", "1.60", 0.13),
            new Sku("SKU-VENTRF", "Venus Truffles Box 200g", "confectionery", "4.50", 0.08));

    private UkCatalogue() {}

    /** The twelve default cities. */
    public static List<City> cities() {
        return CITIES;
    }

    /** The seven default retailers. */
    public static List<Retailer> retailers() {
        return RETAILERS;
    }

    /** The full SKU catalogue (28 lines); an estate uses the first {@link EstateSpec#skus()}. */
    public static List<Sku> skus() {
        return SKUS;
    }
}
