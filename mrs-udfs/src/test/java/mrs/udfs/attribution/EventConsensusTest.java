package mrs.udfs.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import mrs.udfs.attribution.EventConsensus.Result;
import mrs.udfs.attribution.EventConsensus.Vote;
import org.junit.jupiter.api.Test;

class EventConsensusTest {

    private static Vote v(String id, long at, String cause, Double conf) {
        return new Vote(id, at, cause, conf);
    }

    @Test
    void noVotesNoProposal() {
        assertThat(EventConsensus.of(List.of())).isEmpty();
    }

    @Test
    void oneOutlierStoreDoesNotSetTheEventsConfidence() {
        // The measured Norwich case: four reports agree at 0.66, one convenience store (lowest id, same
        // time) reads a till fault at 0.42.
        List<Vote> votes = List.of(v("NRW-002", 100, "Till Fault", 0.42), v("NRW-003", 100, "Facebook", 0.66),
                v("NRW-004", 100, "Facebook", 0.66), v("NRW-005", 90, "Facebook", 0.64),
                v("NRW-006", 100, "Facebook", 0.70));
        Result r = EventConsensus.of(votes).orElseThrow();
        assertThat(r.cause()).isEqualTo("Facebook");
        assertThat(r.confidence()).isEqualTo(0.66);
        assertThat(r.support()).isEqualTo(4);
        assertThat(r.voters()).isEqualTo(5);
        // lower median of 0.64, 0.66, 0.66, 0.70 is the second: the lower report id of the two 0.66
        assertThat(votes.get(r.representative()).reportId()).isEqualTo("NRW-003");
    }

    @Test
    void theMedianIsRobustToOneLowReportOfTheSameCause() {
        List<Vote> votes = new ArrayList<>();
        votes.add(v("LON-012", 5, "TikTok Viral", 0.53));
        for (int i = 13; i < 21; i++) {
            votes.add(v("LON-0" + i, 5, "TikTok Viral", 0.72));
        }
        Result r = EventConsensus.of(votes).orElseThrow();
        assertThat(r.confidence()).isEqualTo(0.72);
        assertThat(r.support()).isEqualTo(9);
    }

    @Test
    void equalSupportGoesToTheHigherMedianThenTheMoreRecentThenTheName() {
        assertThat(EventConsensus.of(List.of(v("a", 1, "X", 0.4), v("b", 1, "Y", 0.6))).orElseThrow().cause())
                .isEqualTo("Y");
        assertThat(EventConsensus.of(List.of(v("a", 2, "X", 0.5), v("b", 1, "Y", 0.5))).orElseThrow().cause())
                .isEqualTo("X");
        assertThat(EventConsensus.of(List.of(v("a", 1, "Y", 0.5), v("b", 1, "X", 0.5))).orElseThrow().cause())
                .isEqualTo("X");
    }

    @Test
    void noCauseAndDegradedVotesCountLikeAnyOther() {
        Result none = EventConsensus.of(List.of(v("a", 1, null, 0.1), v("b", 1, null, 0.2), v("c", 1, "X", 0.25)))
                .orElseThrow();
        assertThat(none.cause()).isNull();
        assertThat(none.confidence()).isEqualTo(0.1);
        Result degraded = EventConsensus.of(List.of(v("a", 1, "unknown", null), v("b", 1, "unknown", null),
                v("c", 1, "X", 0.9))).orElseThrow();
        assertThat(degraded.cause()).isEqualTo("unknown");
        assertThat(degraded.confidence()).isNull();
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheVotes() {
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            votes.add(v("R" + i, i % 3, i % 2 == 0 ? "X" : "Y", (i % 5) / 10.0));
        }
        Result first = EventConsensus.of(votes).orElseThrow();
        Vote rep = votes.get(first.representative());
        Random rnd = new Random(42);
        for (int k = 0; k < 20; k++) {
            List<Vote> shuffled = new ArrayList<>(votes);
            Collections.shuffle(shuffled, rnd);
            Result r = EventConsensus.of(shuffled).orElseThrow();
            assertThat(r.cause()).isEqualTo(first.cause());
            assertThat(r.confidence()).isEqualTo(first.confidence());
            assertThat(shuffled.get(r.representative())).isEqualTo(rep);
        }
    }
}
