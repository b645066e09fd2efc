package org.landfall.status.domain.evidence;

import org.landfall.status.domain.StatusText;
import org.landfall.platform.problem.Text;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

import org.landfall.platform.problem.ProblemException;

/**
 * The image formats a photo may come in, known by their first bytes, and a check of their structure (not a
 * decoding): every segment or chunk within the bytes and the image complete to its end, so that an upload cut short
 * is refused. The check also finds the EXIF data (a TIFF structure) where the format keeps it.
 */
enum ImageFormat {

    /** SOI, segments up to the start of scan, then the entropy-coded data up to EOI; EXIF in an APP1 segment. */
    JPEG("image/jpeg") {
        @Override
        boolean starts(byte[] b) {
            return b.length >= 3 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF;
        }

        @Override
        Optional<Span> check(byte[] b) {
            Span exif = null;
            boolean frame = false;
            int pos = 2;
            while (true) {
                if (pos + 1 >= b.length) {
                    throw broken("cut short before its image data");
                }
                if (u8(b, pos) != 0xFF) {
                    throw broken("has no marker where a segment should begin, at byte " + pos);
                }
                int marker = u8(b, pos + 1);
                if (marker == 0xFF) {
                    pos++; // fill byte
                    continue;
                }
                if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                    pos += 2; // a marker without a length
                    continue;
                }
                if (marker == 0xD9 || marker == 0xD8) {
                    throw broken("ends before its image data");
                }
                if (pos + 3 >= b.length) {
                    throw broken("cut short in a segment's header");
                }
                int length = u16(b, pos + 2);
                int end = pos + 2 + length;
                if (length < 2 || end > b.length) {
                    throw broken("cut short in a segment");
                }
                if (marker == 0xE1 && exif == null && length >= 8 && startsWith(b, pos + 4, "Exif\0\0")) {
                    exif = new Span(pos + 10, end);
                }
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    frame = true;
                }
                if (marker == 0xDA) {
                    if (!frame) {
                        throw broken("has image data without a frame header");
                    }
                    if (!endOfImageAfter(b, end)) {
                        throw broken("is cut short: its image data has no end (EOI)");
                    }
                    return Optional.ofNullable(exif);
                }
                pos = end;
            }
        }

        private boolean endOfImageAfter(byte[] b, int from) {
            for (int i = from; i + 1 < b.length; i++) {
                if (u8(b, i) == 0xFF && u8(b, i + 1) == 0xD9) {
                    return true;
                }
            }
            return false;
        }
    },

    /** The signature, IHDR first, chunks whose CRC matches, at least one IDAT, IEND; EXIF in an eXIf chunk. */
    PNG("image/png") {
        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        @Override
        boolean starts(byte[] b) {
            return b.length >= 8 && Arrays.equals(b, 0, 8, SIGNATURE, 0, 8);
        }

        @Override
        Optional<Span> check(byte[] b) {
            Span exif = null;
            boolean data = false;
            int pos = 8;
            while (true) {
                if (pos + 12 > b.length) {
                    throw broken("is cut short: no IEND chunk");
                }
                long length = u32(b, pos);
                if (length > b.length - pos - 12) {
                    throw broken("is cut short in a chunk");
                }
                int end = pos + 12 + (int) length;
                String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
                CRC32 crc = new CRC32();
                crc.update(b, pos + 4, 4 + (int) length);
                if (crc.getValue() != u32(b, end - 4)) {
                    throw broken("has a damaged " + type + " chunk (its CRC does not match)");
                }
                if (pos == 8 && !type.equals("IHDR")) {
                    throw broken("does not begin with an IHDR chunk");
                }
                switch (type) {
                    case "eXIf" -> exif = new Span(pos + 8, end - 4);
                    case "IDAT" -> data = true;
                    case "IEND" -> {
                        if (!data) {
                            throw broken("has no image data (IDAT)");
                        }
                        return Optional.ofNullable(exif);
                    }
                    default -> {
                        // any other chunk: checked by its CRC, otherwise of no interest here
                    }
                }
                pos = end;
            }
        }
    },

    /** A RIFF container of type WEBP, its chunks within its declared size, with a VP8 or VP8L image; EXIF in EXIF. */
    WEBP("image/webp") {
        @Override
        boolean starts(byte[] b) {
            return b.length >= 12 && startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP");
        }

        @Override
        Optional<Span> check(byte[] b) {
            long riffEnd = 8 + u32le(b, 4);
            if (riffEnd > b.length) {
                throw broken("is cut short: its RIFF header announces " + riffEnd + " bytes");
            }
            Span exif = null;
            boolean image = false;
            int pos = 12;
            while (pos < riffEnd) {
                if (pos + 8 > riffEnd) {
                    throw broken("is cut short in a chunk's header");
                }
                String type = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
                long size = u32le(b, pos + 4);
                if (size > riffEnd - pos - 8) {
                    throw broken("is cut short in its " + type.strip() + " chunk");
                }
                int data = pos + 8;
                switch (type) {
                    case "VP8 " -> image = size >= 10 && u8(b, data + 3) == 0x9D && u8(b, data + 4) == 0x01
                            && u8(b, data + 5) == 0x2A || fail("has a VP8 chunk without a key frame");
                    case "VP8L" -> image = size >= 5 && u8(b, data) == 0x2F || fail("has a VP8L chunk without its signature");
                    case "EXIF" -> exif = startsWith(b, data, "Exif\0\0") && size >= 6
                            ? new Span(data + 6, data + (int) size) : new Span(data, data + (int) size);
                    default -> {
                        // VP8X, ALPH, ANIM, ICCP, XMP: of no interest here
                    }
                }
                pos = data + (int) size + (int) (size & 1);
            }
            if (!image) {
                throw broken("has no image (VP8 or VP8L chunk)");
            }
            return Optional.ofNullable(exif);
        }

        private boolean fail(String why) {
            throw broken(why);
        }
    };

    /** Where in the bytes a structure lies: from {@code start} (inclusive) to {@code end} (exclusive). */
    record Span(int start, int end) {
    }

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    abstract boolean starts(byte[] bytes);

    /** The span of the EXIF TIFF structure, if any; 422 when the image is cut short or malformed. */
    abstract Optional<Span> check(byte[] bytes);

    static Optional<ImageFormat> of(byte[] bytes) {
        return Arrays.stream(values()).filter(f -> f.starts(bytes)).findFirst();
    }

    ProblemException broken(String why) {
        // The fault in English: what the program that wrote the file got wrong, for its maker to read.
        return ProblemException.unprocessable(StatusText.IMAGE_DAMAGED.with(name(), Text.said(why)), java.util.List.of());
    }

    static boolean startsWith(byte[] b, int at, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return at >= 0 && at + expected.length <= b.length && Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return u8(b, at) << 8 | u8(b, at + 1);
    }

    static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    static long u32le(byte[] b, int at) {
        return (long) u8(b, at + 3) << 24 | u8(b, at + 2) << 16 | u8(b, at + 1) << 8 | u8(b, at);
    }
}
