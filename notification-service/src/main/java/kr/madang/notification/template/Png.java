package kr.madang.notification.template;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG of a black-and-white image, written directly (PNG specification, ISO/IEC 15948): signature, IHDR, one IDAT,
 * IEND. ImageIO looks its writer up through the plugin registry and pushes the image through several stream layers on
 * every call, which was 7.5 % of notification-service's CPU per confirmation (issue 15's profile); a 1-bit image needs
 * none of that.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte BIT_DEPTH_ONE = 1;
    private static final byte COLOUR_TYPE_GREYSCALE = 0;

    private Png() {
    }

    /**
     * @param scanlines {@code height} rows of {@code 1 + ceil(width / 8)} bytes: the filter type (0) then the pixels,
     *                  most significant bit first, 1 = white
     */
    static byte[] greyscaleOneBit(int width, int height, byte[] scanlines) {
        if (scanlines.length != height * (1 + (width + 7) / 8)) {
            throw new IllegalArgumentException("scanlines do not match a " + width + "×" + height + " 1-bit image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(BIT_DEPTH_ONE).put(COLOUR_TYPE_GREYSCALE).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), header.position());
        byte[] compressed = new byte[scanlines.length + 64];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(scanlines);
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(out, "IDAT", compressed, length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
        out.writeBytes(typeBytes);
        out.write(data, 0, length);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
