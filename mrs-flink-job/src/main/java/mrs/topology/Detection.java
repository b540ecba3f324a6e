package mrs.topology;

import java.time.Duration;
import mrs.config.MrsConfig;
import mrs.udfs.detect.DetectorConfig;
import mrs.udfs.detect.SeasonalDetector;
import mrs.udfs.detect.Seasonality;

/** Builds the detector the job uses from the typed config (the maths lives in mrs-udfs). */
public final class Detection {
    private Detection() {}

    public static SeasonalDetector detector(MrsConfig cfg) {
        Seasonality seasonality = Seasonality.calendar(cfg.windowSize(), cfg.zone());
        long windowsPerDay = Duration.ofDays(1).toMillis() / cfg.windowSize().toMillis();
        DetectorConfig dc = DetectorConfig.builder()
                .zThreshold(cfg.zThreshold())
                .minSpikeLift(cfg.minSpikeLift())
                .maxDropRatio(cfg.maxDropRatio())
                .minAbsDelta(cfg.minAbsDelta())
                .minExpectedForDrop(cfg.minExpectedForDrop())
                .warmupObservations((int) (cfg.warmupDays() * windowsPerDay))
                .build();
        return new SeasonalDetector(seasonality, dc);
    }
}
