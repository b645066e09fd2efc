package org.landfall.status.domain.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.landfall.platform.problem.Problem;
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
            throw new ProblemException(new Problem(413, Problem.titleOf(413),
                    "a photo may have at most " + MAX_BYTES + " bytes (10 MB)", null));
        }
        ImageFormat format = ImageFormat.of(bytes).orElseThrow(() -> new ProblemException(new Problem(415,
                Problem.titleOf(415), "the body is not a JPEG, PNG or WebP image (judged by its content)", null)));
        Exif exif = format.check(bytes).map(tiff -> Exif.read(bytes, tiff, zone)).orElse(Exif.NONE);
        return new Photo(format.contentType(), exif.takenAt(), exif.location());
    }
}
