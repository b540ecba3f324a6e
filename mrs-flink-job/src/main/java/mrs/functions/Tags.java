package mrs.functions;

import mrs.records.EpisodeEnded;
import mrs.records.IngestError;
import mrs.records.ProtectionDirective;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** Side outputs, declared once. */
public final class Tags {
    /** Records refused by a parse or lateness check; routed to the stage's {@code _errors} table. */
    public static final OutputTag<IngestError> ERRORS =
            new OutputTag<>("errors", TypeInformation.of(IngestError.class));
    /** Episodes that ended; routed to {@code minority_event_ended_log}. */
    public static final OutputTag<EpisodeEnded> ENDED =
            new OutputTag<>("episode-ended", TypeInformation.of(EpisodeEnded.class));

    /** Model-protection directives, one per event status change. */
    public static final OutputTag<ProtectionDirective> DIRECTIVES =
            new OutputTag<>("directives", TypeInformation.of(ProtectionDirective.class));

    private Tags() {}
}
