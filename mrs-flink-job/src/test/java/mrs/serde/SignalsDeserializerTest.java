package mrs.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import mrs.records.Signal;
import org.junit.jupiter.api.Test;

class SignalsDeserializerTest {
    private final SignalsDeserializer parser = new SignalsDeserializer();

    @Test
    void socialMentionWithScopeAndAttributesIsParsed() throws Exception {
        Signal s = parser.parse("""
                {"signal_id":"SIG-1","kind":"social_mention","source":"social-listening",
                 "observed_at":"2025-08-12T13:10:00+01:00","valid_from":"2025-08-12T09:00:00+01:00",
                 "valid_to":"2025-08-13T00:00:00+01:00",
                 "scope":{"sku":"SKU-JUPDUO","city":"London","store_ids":["LON-2","LON-1"]},
                 "strength":0.8,"payload":"#JupyterChallenge","platform":"tiktok",
                 "attributes":{"url":"https://tiktok.example/v/1","hashtag":"JupyterChallenge"}}""");
        assertThat(s.kind).isEqualTo("social_mention");
        assertThat(s.observedAt).isEqualTo(Instant.parse("2025-08-12T12:10:00Z").toEpochMilli());
        assertThat(s.storeIds).isEqualTo("LON-1,LON-2");
        assertThat(s.city).isEqualTo("London");
        assertThat(s.attributes).isEqualTo("hashtag=JupyterChallenge;platform=tiktok;url=https://tiktok.example/v/1");
    }

    @Test
    void contractBreachesAreRefusedWithTheFieldNamed() {
        String ok = "\"signal_id\":\"S\",\"observed_at\":\"2025-08-12T13:10:00Z\",\"valid_from\":\"2025-08-12T09:00:00Z\",\"valid_to\":\"2025-08-13T00:00:00Z\"";
        assertThatThrownBy(() -> parser.parse("{" + ok + ",\"kind\":\"rumour\",\"strength\":0.5}")).hasMessageContaining("kind");
        assertThatThrownBy(() -> parser.parse("{" + ok + ",\"kind\":\"campaign\",\"strength\":1.5}")).hasMessageContaining("strength");
        assertThatThrownBy(() -> parser.parse("{" + ok + ",\"kind\":\"campaign\"}")).hasMessageContaining("strength");
        assertThatThrownBy(() -> parser.parse("{\"signal_id\":\"S\",\"kind\":\"campaign\",\"strength\":0.5,"
                + "\"observed_at\":\"2025-08-12T13:10:00Z\",\"valid_from\":\"2025-08-13T09:00:00Z\",\"valid_to\":\"2025-08-12T00:00:00Z\"}"))
                .hasMessageContaining("valid_to");
    }
}
