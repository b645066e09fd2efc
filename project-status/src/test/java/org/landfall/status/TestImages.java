package org.landfall.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Real small photos built in the test: JPEG and PNG written by the JDK's encoders, WebP from the smallest valid
 * files (1×1, lossless and lossy), and the EXIF data a phone camera writes (DateTimeOriginal, OffsetTimeOriginal,
 * GPS latitude and longitude) put where each format keeps it.
 */
final class TestImages {

    /** 1×1 lossless WebP. */
    static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    /** 1×1 lossy WebP. */
    static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    private TestImages() {
    }

    static byte[] jpeg() {
        return encode("jpg");
    }

    static byte[] png() {
        return encode("png");
    }

    /** A JPEG with an APP1 Exif segment holding {@code tiff}, right after its start of image. */
    static byte[] jpegWithExif(byte[] tiff) {
        byte[] jpeg = jpeg();
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length)).put(ascii("Exif\0\0")).put(tiff);
        return concat(Arrays.copyOfRange(jpeg, 0, 2), app1.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** A PNG with an eXIf chunk holding {@code tiff}, right after its IHDR chunk. */
    static byte[] pngWithExif(byte[] tiff) {
        byte[] png = png();
        int afterHeader = 8 + 12 + 13;
        return concat(Arrays.copyOfRange(png, 0, afterHeader), chunk("eXIf", tiff), Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /** An extended WebP (VP8X announcing EXIF) of the lossless image, with an EXIF chunk holding {@code tiff}. */
    static byte[] webpWithExif(byte[] tiff) {
        byte[] vp8x = riffChunk("VP8X", new byte[] {0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        byte[] image = Arrays.copyOfRange(WEBP_LOSSLESS, 12, WEBP_LOSSLESS.length);
        byte[] body = concat(ascii("WEBP"), vp8x, image, riffChunk("EXIF", tiff));
        ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(ascii("RIFF")).putInt(body.length);
        return concat(riff.array(), body);
    }

    /**
     * The TIFF structure of EXIF data: IFD0 pointing to an Exif IFD (DateTimeOriginal, and OffsetTimeOriginal when
     * {@code offset} is not null) and to a GPS IFD (latitude and longitude as degrees, minutes and tenths of
     * seconds, with their hemispheres).
     */
    static byte[] exif(ByteOrder order, String dateTimeOriginal, String offset, char latRef, int[] latitude, char lonRef,
                       int[] longitude) {
        ByteBuffer b = ByteBuffer.allocate(512).order(order);
        b.put(ascii(order == ByteOrder.BIG_ENDIAN ? "MM" : "II")).putShort((short) 42).putInt(8);
        int exifIfd = 8 + 2 + 2 * 12 + 4;
        int exifEntries = offset == null ? 1 : 2;
        int dateAt = exifIfd + 2 + exifEntries * 12 + 4;
        int offsetAt = dateAt + 20;
        int gpsIfd = offsetAt + 8;
        int latAt = gpsIfd + 2 + 4 * 12 + 4;
        int lonAt = latAt + 24;
        // IFD0
        b.putShort((short) 2);
        entry(b, 0x8769, 4, 1, exifIfd);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        // Exif IFD
        b.putShort((short) exifEntries);
        entry(b, 0x9003, 2, 20, dateAt);
        if (offset != null) {
            entry(b, 0x9011, 2, 7, offsetAt);
        }
        b.putInt(0);
        b.put(ascii(dateTimeOriginal + "\0"));
        b.position(offsetAt);
        if (offset != null) {
            b.put(ascii(offset + "\0"));
        }
        b.position(gpsIfd);
        // GPS IFD: references inline, rationals at an offset
        b.putShort((short) 4);
        inlineAscii(b, 1, latRef);
        entry(b, 2, 5, 3, latAt);
        inlineAscii(b, 3, lonRef);
        entry(b, 4, 5, 3, lonAt);
        b.putInt(0);
        for (int[] dms : new int[][] {latitude, longitude}) {
            b.putInt(dms[0]).putInt(1).putInt(dms[1]).putInt(1).putInt(dms[2]).putInt(10);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Shuangyashan, 46°38'45.6"N 131°9'25.2"E, on 7 April 2023 at 10:15:30 in China's time. */
    static byte[] shuangyashanExif(ByteOrder order) {
        return exif(order, "2023:04:07 10:15:30", "+08:00", 'N', new int[] {46, 38, 456}, 'E', new int[] {131, 9, 252});
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void inlineAscii(ByteBuffer b, int tag, char c) {
        b.putShort((short) tag).putShort((short) 2).putInt(2).put((byte) c).put((byte) 0).putShort((short) 0);
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(x * 16, y * 16, 128).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(ascii(type)).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] riffChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return b.put(ascii(type)).putInt(data.length).put(data).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
