package org.landfall.status.domain.evidence;

import org.landfall.status.domain.StatusText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.landfall.platform.problem.ProblemException;

/**
 * A photo an inspector took on site, as its bytes say (never its name or the Content-Type it was sent with): a
 * whole JPEG, PNG or WebP image, with the time it was taken and where, when its EXIF data says so.
 */
public record Photo(String contentType, Instant takenAt, Location location) {

    /** The largest photo taken: 10 MB (10 × 1024 × 1024 bytes). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** A WGS 84 position in decimal degrees, as the camera's GPS gave it. */
    public record Location(BigDecimal latitude, BigDecimal longitude) {
    }

    /**
     * Reads a photo: 413 above {@link #MAX_BYTES}, 415 when the bytes are no JPEG, PNG or WebP image, 422 when
     * they begin as one but are cut short or malformed. EXIF data that cannot be read is ignored: the photo
     * still is one. A time without an offset is taken as local time in {@code zone}.
     */
    public static Photo read(byte[] bytes, ZoneId zone) {
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.of(413, StatusText.PHOTO_TOO_LARGE.with(MAX_BYTES));
        }
        ImageFormat format = ImageFormat.of(bytes).orElseThrow(() -> ProblemException.of(415, StatusText.NOT_AN_IMAGE.with()));
        Exif exif = format.check(bytes).map(tiff -> Exif.read(bytes, tiff, zone)).orElse(Exif.NONE);
        return new Photo(format.contentType(), exif.takenAt(), exif.location());
    }
}
