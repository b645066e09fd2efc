package org.landfall.status.domain.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The two things of a photo's EXIF data that Landfall keeps: when it was taken (DateTimeOriginal, with
 * OffsetTimeOriginal when the camera wrote one) and where (the GPS latitude and longitude). A small reader of the
 * TIFF structure that holds them, bounded by the span it is given: it follows only IFD0's pointers to the Exif and
 * GPS directories, reads at most {@link #MAX_ENTRIES} entries of each, and reads nothing outside the span. Whatever
 * it cannot read is simply absent.
 */
record Exif(Instant takenAt, Photo.Location location) {

    static final Exif NONE = new Exif(null, null);

    private static final int MAX_ENTRIES = 1000;
    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int OFFSET_TIME_ORIGINAL = 0x9011;
    private static final int GPS_LATITUDE_REF = 1;
    private static final int GPS_LATITUDE = 2;
    private static final int GPS_LONGITUDE_REF = 3;
    private static final int GPS_LONGITUDE = 4;
    private static final int ASCII = 2;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Thrown where the structure points outside its span or is not TIFF: the data is then ignored. */
    private static final class Unreadable extends Exception {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /** One directory entry: its tag, type, count, and where its value lies (inline or at an offset). */
    private record Entry(int tag, int type, long count, int valueAt) {
    }

    /** The TIFF structure in {@code bytes} from {@code span.start()}: offsets in it count from there. */
    private record Tiff(byte[] bytes, int start, int end, boolean littleEndian) {

        int u16(long offset) throws Unreadable {
            int at = at(offset, 2);
            return littleEndian ? (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8
                    : (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
        }

        long u32(long offset) throws Unreadable {
            long a = u16(offset);
            long b = u16(offset + 2);
            return littleEndian ? a | b << 16 : a << 16 | b;
        }

        String ascii(long offset, long count) throws Unreadable {
            int at = at(offset, count);
            int length = 0;
            while (length < count && bytes[at + length] != 0) {
                length++;
            }
            return new String(bytes, at, length, StandardCharsets.US_ASCII);
        }

        /** The absolute index of {@code length} bytes at {@code offset}, all within the span. */
        private int at(long offset, long length) throws Unreadable {
            if (offset < 0 || length < 0 || start + offset + length > end) {
                throw new Unreadable();
            }
            return (int) (start + offset);
        }
    }

    static Exif read(byte[] bytes, ImageFormat.Span span, ZoneId zone) {
        try {
            if (span.end() - span.start() < 8) {
                return NONE;
            }
            boolean little = bytes[span.start()] == 'I' && bytes[span.start() + 1] == 'I';
            boolean big = bytes[span.start()] == 'M' && bytes[span.start() + 1] == 'M';
            if (!little && !big) {
                return NONE;
            }
            Tiff tiff = new Tiff(bytes, span.start(), span.end(), little);
            if (tiff.u16(2) != 42) {
                return NONE;
            }
            long ifd0 = tiff.u32(4);
            Entry exifPointer = find(tiff, ifd0, EXIF_IFD);
            Entry gpsPointer = find(tiff, ifd0, GPS_IFD);
            Instant takenAt = exifPointer == null || exifPointer.type() != LONG ? null
                    : takenAt(tiff, tiff.u32(exifPointer.valueAt()), zone);
            Photo.Location location = gpsPointer == null || gpsPointer.type() != LONG ? null
                    : location(tiff, tiff.u32(gpsPointer.valueAt()));
            return new Exif(takenAt, location);
        } catch (Unreadable e) {
            return NONE;
        }
    }

    private static Instant takenAt(Tiff tiff, long ifd, ZoneId zone) throws Unreadable {
        Entry time = find(tiff, ifd, DATE_TIME_ORIGINAL);
        if (time == null || time.type() != ASCII) {
            return null;
        }
        Entry offset = find(tiff, ifd, OFFSET_TIME_ORIGINAL);
        try {
            LocalDateTime local = LocalDateTime.parse(tiff.ascii(time.valueAt(), time.count()).strip(), EXIF_TIME);
            if (offset != null && offset.type() == ASCII) {
                try {
                    return local.toInstant(ZoneOffset.of(tiff.ascii(offset.valueAt(), offset.count()).strip()));
                } catch (java.time.DateTimeException e) {
                    // an offset that is none: the zone's local time below
                }
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Photo.Location location(Tiff tiff, long ifd) throws Unreadable {
        BigDecimal latitude = degrees(tiff, ifd, GPS_LATITUDE, GPS_LATITUDE_REF, 'N', 'S', 90);
        BigDecimal longitude = degrees(tiff, ifd, GPS_LONGITUDE, GPS_LONGITUDE_REF, 'E', 'W', 180);
        return latitude == null || longitude == null ? null : new Photo.Location(latitude, longitude);
    }

    /** Degrees, minutes and seconds (three rationals) and their hemisphere, as signed decimal degrees (7 places). */
    private static BigDecimal degrees(Tiff tiff, long ifd, int tag, int refTag, char positive, char negative, int max)
            throws Unreadable {
        Entry value = find(tiff, ifd, tag);
        Entry ref = find(tiff, ifd, refTag);
        if (value == null || ref == null || value.type() != RATIONAL || value.count() != 3 || ref.type() != ASCII) {
            return null;
        }
        String hemisphere = tiff.ascii(ref.valueAt(), ref.count()).strip();
        if (!hemisphere.equals(String.valueOf(positive)) && !hemisphere.equals(String.valueOf(negative))) {
            return null;
        }
        long at = value.valueAt();
        BigDecimal total = BigDecimal.ZERO;
        int[] perDegree = {1, 60, 3600};
        for (int i = 0; i < 3; i++) {
            long numerator = tiff.u32(at + 8L * i);
            long denominator = tiff.u32(at + 8L * i + 4);
            if (denominator == 0) {
                return null;
            }
            total = total.add(BigDecimal.valueOf(numerator)
                    .divide(BigDecimal.valueOf(denominator).multiply(BigDecimal.valueOf(perDegree[i])), 10, RoundingMode.HALF_EVEN));
        }
        total = total.setScale(7, RoundingMode.HALF_EVEN);
        if (total.compareTo(BigDecimal.valueOf(max)) > 0) {
            return null;
        }
        return hemisphere.charAt(0) == negative ? total.negate() : total;
    }

    /** The entry of {@code tag} in the directory at {@code ifd}, or null. */
    private static Entry find(Tiff tiff, long ifd, int tag) throws Unreadable {
        int count = tiff.u16(ifd);
        if (count > MAX_ENTRIES) {
            throw new Unreadable();
        }
        for (int i = 0; i < count; i++) {
            long entry = ifd + 2 + 12L * i;
            if (tiff.u16(entry) != tag) {
                continue;
            }
            int type = tiff.u16(entry + 2);
            long n = tiff.u32(entry + 4);
            long size = n * switch (type) {
                case 1, 2, 6, 7 -> 1;
                case 3, 8 -> 2;
                case 4, 9, 11 -> 4;
                default -> 8;
            };
            long valueAt = size <= 4 ? entry + 8 : tiff.u32(entry + 8);
            tiff.at(valueAt, size);
            return new Entry(tag, type, n, (int) valueAt);
        }
        return null;
    }
}
