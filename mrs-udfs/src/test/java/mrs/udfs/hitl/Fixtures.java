package mrs.udfs.hitl;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/** Shared test data: the demo roster's keys and a valid action of each kind. */
final class Fixtures {

    /** "demo-only-key-alice-not-a-secret" in hex, as in the demo roster. */
    static final String ALICE_KEY = "64656d6f2d6f6e6c792d6b65792d616c6963652d6e6f742d612d736563726574";
    /** "demo-only-key-bob-not-a-secret!!" in hex. */
    static final String BOB_KEY = "64656d6f2d6f6e6c792d6b65792d626f622d6e6f742d612d7365637265742121";
    /** A key nobody in the roster has. */
    static final String MALLORY_KEY = "6d616c6c6f72792d6d616c6c6f72792d6d616c6c6f72792d6d616c6c6f727921";

    static final String EVENT = "ME-0123456789ab";
    static final String REPORT = "MR-0123456789abcdef";

    /** Tuesday 12 August 2025, 10:00 BST (the demo day). */
    static final long TUESDAY = Instant.parse("2025-08-12T09:00:00Z").toEpochMilli();
    /** Saturday 16 August 2025, 10:00 BST. */
    static final long SATURDAY = Instant.parse("2025-08-16T09:00:00Z").toEpochMilli();

    /** A stand-in for {@code taxonomy::isKnownCause}. */
    static final Predicate<String> KNOWN = c -> Set.of("Till Fault", "TikTok Viral", "Campaign Spend").contains(c);

    private Fixtures() {}

    /** An unsigned, valid confirm by alice on {@link #EVENT}. */
    static AnalystAction.Builder confirm() {
        return AnalystAction.builder().actionId("act-0001").analyst("alice").issuedAt(TUESDAY)
                .event(EVENT).action(ActionType.CONFIRM).reason("ops confirmed the till fault");
    }

    /** An unsigned, valid edit by alice on {@link #REPORT}. */
    static AnalystAction.Builder edit() {
        return AnalystAction.builder().actionId("act-0002").analyst("alice").issuedAt(TUESDAY)
                .report(REPORT).action(ActionType.EDIT_ATTRIBUTION).cause("TikTok Viral")
                .detectionType("Social/Viral Event").narrative("hashtag trending in Manchester");
    }

    static AnalystAction signedBy(AnalystAction.Builder b, String hexKey) {
        return Signer.signed(b.build(), hexKey);
    }
}
