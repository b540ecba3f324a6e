package mrs.k8s;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code public static final String} constants of a class, read from its class file without
 * loading or initialising it. Iceberg's AWS property classes cannot be initialised here (the AWS SDK
 * is added to the image, not to the job's dependencies), yet their constants are the property names
 * the catalog reads.
 */
final class ClassConstants {
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;

    private ClassConstants() {}

    static Set<String> publicStringConstants(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream raw = ClassConstants.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(className + " is not on the test classpath");
            }
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalStateException(resource + " is not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] stringIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 8 -> stringIndex[i] = in.readUnsignedShort();
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // longs and doubles take two slots
                    }
                    default -> throw new IllegalStateException(resource + ": unknown constant pool tag " + tag);
                }
            }
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            Set<String> constants = new TreeSet<>();
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                int access = in.readUnsignedShort();
                in.readUnsignedShort(); // name
                String descriptor = utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String name = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    boolean constant = "ConstantValue".equals(name) && "Ljava/lang/String;".equals(descriptor)
                            && (access & (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)) == (ACC_PUBLIC | ACC_STATIC | ACC_FINAL);
                    if (constant) {
                        constants.add(utf8[stringIndex[in.readUnsignedShort()]]);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return constants;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
