package mrs.udfs.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SeasonalityTest {

    private static long london(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, TestData.LONDON).toInstant().toEpochMilli();
    }

    @Test
    void hourlyCalendarHasTimeOfDayAndDayOfWeekCycles() {
        Seasonality s = Seasonality.calendar(Duration.ofHours(1));

        assertThat(s.primarySlots()).isEqualTo(24);
        assertThat(s.secondarySlots()).isEqualTo(7);
        assertThat(s.observationsPerSecondarySlot()).isEqualTo(24);
        // Tuesday 3 June 2025, 13:00 London
        long t = london(2025, 6, 3, 13, 0);
        assertThat(s.primarySlot(t)).isEqualTo(13);
        assertThat(s.secondarySlot(t)).isEqualTo(1);
        assertThat(s.primarySlot(london(2025, 6, 8, 0, 0))).isZero();
        assertThat(s.secondarySlot(london(2025, 6, 8, 23, 0))).isEqualTo(6); // Sunday
    }

    @Test
    void slotsFollowUkLocalTimeAcrossDaylightSaving() {
        Seasonality s = Seasonality.calendar(Duration.ofHours(1));
        long beforeGmt = london(2025, 3, 28, 9, 0); // 09:00 GMT = 09:00Z
        long afterBst = london(2025, 3, 31, 9, 0); // 09:00 BST = 08:00Z

        assertThat(beforeGmt % TestData.DAY).isEqualTo(9 * TestData.HOUR);
        assertThat(afterBst % TestData.DAY).isEqualTo(8 * TestData.HOUR);
        assertThat(s.primarySlot(beforeGmt)).isEqualTo(9);
        assertThat(s.primarySlot(afterBst)).isEqualTo(9);
        assertThat(s.secondarySlot(afterBst)).isZero(); // Monday
        // in UTC the same instant is another hour
        assertThat(Seasonality.calendar(Duration.ofHours(1), ZoneOffset.UTC).primarySlot(afterBst)).isEqualTo(8);
    }

    @Test
    void quarterHourCalendarHas96SlotsADay() {
        Seasonality s = Seasonality.calendar(Duration.ofMinutes(15));

        assertThat(s.primarySlots()).isEqualTo(96);
        assertThat(s.primarySlot(london(2025, 6, 3, 9, 45))).isEqualTo(39);
        assertThat(s.defaultWarmupObservations()).isEqualTo(7 * 96);
    }

    @Test
    void dailyCalendarUsesDayOfWeekOnlyAndLongerIntervalsNoCycle() {
        Seasonality daily = Seasonality.calendar(Duration.ofDays(1));
        assertThat(daily.primarySlots()).isEqualTo(7);
        assertThat(daily.secondarySlots()).isEqualTo(1);
        assertThat(daily.primarySlot(london(2025, 6, 7, 0, 0))).isEqualTo(5); // Saturday
        assertThat(daily.secondarySlot(london(2025, 6, 7, 0, 0))).isZero();
        assertThat(daily.defaultWarmupObservations()).isEqualTo(21);

        Seasonality weekly = Seasonality.calendar(Duration.ofDays(7));
        assertThat(weekly.primarySlots()).isEqualTo(1);
        assertThat(weekly.secondarySlots()).isEqualTo(1);
        assertThat(weekly.primarySlot(london(2025, 6, 7, 0, 0))).isZero();
    }

    @Test
    void defaultWarmUpIsSevenDaysOfHourlyWindows() {
        assertThat(Seasonality.calendar(Duration.ofHours(1)).defaultWarmupObservations()).isEqualTo(168);
    }

    @Test
    void calendarRejectsIntervalsThatDoNotTileADay() {
        assertThatThrownBy(() -> Seasonality.calendar(Duration.ofMinutes(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divides a day")
                .hasMessageContaining("PT7M");
        assertThatThrownBy(() -> Seasonality.calendar(Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one minute");
        assertThatThrownBy(() -> Seasonality.calendar(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void periodicSlotsCountObservationsFromTheOriginAndIgnoreGaps() {
        long origin = 1_000_000L;
        Seasonality s = Seasonality.periodic(Duration.ofMinutes(10), origin, 6, 18);
        long step = Duration.ofMinutes(10).toMillis();

        assertThat(s.primarySlots()).isEqualTo(6);
        assertThat(s.secondarySlots()).isEqualTo(3);
        assertThat(s.primarySlot(origin)).isZero();
        assertThat(s.primarySlot(origin + 7 * step)).isEqualTo(1);
        assertThat(s.secondarySlot(origin + 7 * step)).isEqualTo(1);
        assertThat(s.secondarySlot(origin + 18 * step)).isZero();
        // a point that arrives with a little jitter keeps its slot
        assertThat(s.primarySlot(origin + 7 * step + 1_000)).isEqualTo(1);
        assertThat(s.primarySlot(origin + 7 * step - 1_000)).isEqualTo(1);
        // before the origin slots keep cycling
        assertThat(s.primarySlot(origin - step)).isEqualTo(5);
    }

    @Test
    void periodicRejectsInconsistentPeriods() {
        Duration hour = Duration.ofHours(1);
        assertThatThrownBy(() -> Seasonality.periodic(hour, 0, 24, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole multiple");
        assertThatThrownBy(() -> Seasonality.periodic(hour, 0, 0, 168))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a primary period");
        assertThatThrownBy(() -> Seasonality.periodic(hour, 0, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Seasonality.periodic(hour, 0, Seasonality.MAX_SLOTS + 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("primary period must be <=");
    }

    @Test
    void noneHasOneSlotAndAShortWarmUp() {
        Seasonality s = Seasonality.none(Duration.ofHours(1));
        assertThat(s.primarySlots()).isEqualTo(1);
        assertThat(s.secondarySlots()).isEqualTo(1);
        assertThat(s.primarySlot(123_456_789L)).isZero();
        assertThat(s.defaultWarmupObservations()).isEqualTo(14);
    }

    @Test
    void survivesJavaSerialisationAsFlinkShipsIt() throws Exception {
        Seasonality s = Seasonality.calendar(Duration.ofMinutes(30));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(s);
        long t = london(2025, 10, 26, 1, 30);
        assertThat(((Seasonality) back).primarySlot(t)).isEqualTo(s.primarySlot(t));
    }
}
