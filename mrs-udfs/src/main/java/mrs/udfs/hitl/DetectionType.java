package mrs.udfs.hitl;

import java.util.Locale;
import java.util.Optional;

/**
 * The taxonomy's five detection types, as the automation and protection rules need them. Parsing is
 * lenient about spelling like {@code Taxonomy.normalise} (case, spaces, {@code /}, {@code -} and
 * {@code _} ignored), and accepts the taxonomy key ({@code data_error}), the label ({@code Data Error})
 * and, for data errors, the cause {@code System Failure} (which the seed lists beside Data Error).
 */
public enum DetectionType {
    DATA_ERROR("Data Error", "dataerror", "systemfailure"),
    MARKETING_MISATTRIBUTION("Marketing Misattribution", "marketingmisattribution", "misattribution"),
    COMPETITOR_STOCKOUT("Competitor Stockout", "competitorstockout"),
    SOCIAL_VIRAL("Social/Viral Event", "socialviralevent", "socialviral"),
    OPERATIONAL_STORE("Operational/Store Issue", "operationalstoreissue", "operationalstore");

    private final String label;
    private final String[] spellings;

    DetectionType(String label, String... spellings) {
        this.label = label;
        this.spellings = spellings;
    }

    /** The taxonomy label, e.g. {@code Social/Viral Event}. */
    public String label() {
        return label;
    }

    /** The type for a key, label or accepted alias; empty for null, blank or anything else. */
    public static Optional<DetectionType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        String n = b.toString().toLowerCase(Locale.ROOT);
        for (DetectionType t : values()) {
            for (String s : t.spellings) {
                if (s.equals(n)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
