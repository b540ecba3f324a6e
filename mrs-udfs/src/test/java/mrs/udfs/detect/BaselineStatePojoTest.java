package mrs.udfs.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * BaselineState lives in Flink managed state: it must keep the shape Flink's POJO serializer accepts
 * without falling back to Kryo. The Flink module checks it again with PojoTestUtils; this test keeps the
 * pure module honest on its own.
 */
class BaselineStatePojoTest {

    private static final Set<Class<?>> ALLOWED_TYPES = Set.of(
            boolean.class, byte.class, short.class, int.class, long.class, float.class, double.class, char.class,
            boolean[].class, byte[].class, short[].class, int[].class, long[].class, float[].class,
            double[].class, char[].class,
            Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            Character.class, String.class);

    @Test
    void isAPublicClassWithAPublicNoArgConstructor() throws Exception {
        assertThat(Modifier.isPublic(BaselineState.class.getModifiers())).isTrue();
        assertThat(Modifier.isAbstract(BaselineState.class.getModifiers())).isFalse();
        assertThat(BaselineState.class.getEnclosingClass()).isNull();
        Constructor<BaselineState> ctor = BaselineState.class.getConstructor();
        assertThat(Modifier.isPublic(ctor.getModifiers())).isTrue();
        assertThat(ctor.newInstance()).isNotNull();
    }

    @Test
    void everyFieldIsPublicNonFinalOrHasAccessorsAndHasAnAllowedType() {
        Field[] fields = BaselineState.class.getDeclaredFields();
        assertThat(fields).isNotEmpty();
        for (Field f : fields) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod)) {
                continue;
            }
            assertThat(ALLOWED_TYPES).as("type of %s", f.getName()).contains(f.getType());
            assertThat(Modifier.isFinal(mod)).as("%s is final", f.getName()).isFalse();
            if (!Modifier.isPublic(mod)) {
                assertThat(hasAccessors(f)).as("%s needs a public getter and setter", f.getName()).isTrue();
            }
        }
    }

    @Test
    void hourlyBaselineStaysWellUnderTwoKilobytes() {
        SeasonalDetector detector = SeasonalDetector.calendar(Duration.ofHours(1));
        BaselineState state = detector.newState();
        TestData.Series s = TestData.retailCounts(Duration.ofHours(1), 14, 2.0, 1);
        for (int i = 0; i < s.size(); i++) {
            detector.update(state, s.timestamps()[i], s.values()[i]);
        }

        assertThat(payloadBytes(state)).isLessThan(1024);
    }

    @Test
    void copyIsDeep() {
        SeasonalDetector detector = SeasonalDetector.calendar(Duration.ofHours(1));
        BaselineState state = detector.newState();
        detector.update(state, TestData.MONDAY, 5);
        BaselineState copy = state.copy();

        detector.update(state, TestData.MONDAY + TestData.HOUR, 7);

        assertThat(copy.observations).isEqualTo(1);
        assertThat(copy.slotVisits[1]).isZero();
        assertThat(state.slotVisits[1]).isEqualTo(1);
        assertThat(copy.slotLevels).isNotSameAs(state.slotLevels);
    }

    /** Bytes of field payload as Flink's POJO serializer writes them (plus a length per array). */
    private static int payloadBytes(BaselineState s) {
        int bytes = 0;
        for (Field f : BaselineState.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            try {
                Object v = f.get(s);
                if (t == double[].class) {
                    bytes += 4 + 8 * ((double[]) v).length;
                } else if (t == int[].class) {
                    bytes += 4 + 4 * ((int[]) v).length;
                } else if (t == long.class || t == double.class) {
                    bytes += 8;
                } else {
                    bytes += 4;
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
            bytes += 1; // null flag
        }
        return bytes;
    }

    private static boolean hasAccessors(Field f) {
        String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        try {
            Method getter = BaselineState.class.getMethod(
                    (f.getType() == boolean.class ? "is" : "get") + cap);
            Method setter = BaselineState.class.getMethod("set" + cap, f.getType());
            return getter.getReturnType() == f.getType() && Modifier.isPublic(setter.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
