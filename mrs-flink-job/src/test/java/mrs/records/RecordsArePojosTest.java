package mrs.records;

import mrs.udfs.detect.BaselineState;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every record and state class travels and is stored as a Flink POJO, never through Kryo. */
class RecordsArePojosTest {
    @ParameterizedTest
    @ValueSource(classes = {RawRecord.class, SaleEvent.class, StoreInfo.class, IngestError.class, SkuWindow.class,
            Report.class, EpisodeEnded.class, EpisodeState.class, WindowAcc.class, BaselineState.class, Signal.class,
            ClusterState.class, ClusteredReport.class, Attribution.class, AttributionState.class, CohortEvent.class,
            CohortMember.class, CohortRow.class, HydrateInput.class, HydratedReport.class, EventRow.class,
            ProtectionDirective.class, ActionRecord.class, RefusedAction.class})
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
    }
}
