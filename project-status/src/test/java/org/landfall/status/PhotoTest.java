package org.landfall.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.platform.problem.ProblemException;
import org.landfall.status.domain.evidence.Photo;

/** Photos judged by their bytes, and the EXIF time and place read from them, without a database. */
class PhotoTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant TAKEN = Instant.parse("2023-04-07T02:15:30Z");

    static int refusal(byte[] bytes) {
        return assertThrows(ProblemException.class, () -> Photo.read(bytes, SHANGHAI)).problem().getStatus();
    }

    @Test
    void shouldReadTheTimeAndPlaceOfAJpegFromItsExif() {
        Photo p = Photo.read(TestImages.jpegWithExif(TestImages.shuangyashanExif(ByteOrder.BIG_ENDIAN)), SHANGHAI);
        assertEquals("image/jpeg", p.contentType());
        assertEquals(TAKEN, p.takenAt());
        assertEquals(new BigDecimal("46.6460000"), p.location().latitude());
        assertEquals(new BigDecimal("131.1570000"), p.location().longitude());
    }

    @Test
    void shouldReadLittleEndianExifInAPngAndAWebp() {
        byte[] tiff = TestImages.shuangyashanExif(ByteOrder.LITTLE_ENDIAN);
        for (byte[] image : new byte[][] {TestImages.pngWithExif(tiff), TestImages.webpWithExif(tiff)}) {
            Photo p = Photo.read(image, SHANGHAI);
            assertEquals(TAKEN, p.takenAt());
            assertEquals(new BigDecimal("131.1570000"), p.location().longitude());
        }
        assertEquals("image/png", Photo.read(TestImages.pngWithExif(tiff), SHANGHAI).contentType());
        assertEquals("image/webp", Photo.read(TestImages.webpWithExif(tiff), SHANGHAI).contentType());
    }

    @Test
    void shouldTakeATimeWithoutOffsetInTheZoneAndSouthAndWestAsNegative() {
        byte[] tiff = TestImages.exif(ByteOrder.BIG_ENDIAN, "2023:04:07 10:15:30", null, 'S', new int[] {33, 51, 0},
                'W', new int[] {70, 30, 0});
        Photo p = Photo.read(TestImages.jpegWithExif(tiff), SHANGHAI);
        assertEquals(TAKEN, p.takenAt());
        assertEquals(new BigDecimal("-33.8500000"), p.location().latitude());
        assertEquals(new BigDecimal("-70.5000000"), p.location().longitude());
    }

    @Test
    void shouldAcceptPhotosWithoutExifAndTellNeitherTimeNorPlace() {
        for (byte[] image : new byte[][] {TestImages.jpeg(), TestImages.png(), TestImages.WEBP_LOSSLESS, TestImages.WEBP_LOSSY}) {
            Photo p = Photo.read(image, SHANGHAI);
            assertNull(p.takenAt());
            assertNull(p.location());
        }
    }

    @Test
    void shouldIgnoreExifItCannotReadAndKeepThePhoto() {
        byte[] tiff = TestImages.shuangyashanExif(ByteOrder.BIG_ENDIAN);
        tiff[4] = 0x7F; // IFD0 far beyond the data
        Photo p = Photo.read(TestImages.jpegWithExif(tiff), SHANGHAI);
        assertEquals("image/jpeg", p.contentType());
        assertNull(p.takenAt());
        byte[] badDate = TestImages.exif(ByteOrder.BIG_ENDIAN, "2023:02:30 25:61:00", null, 'X', new int[] {46, 0, 0},
                'E', new int[] {131, 0, 0});
        Photo q = Photo.read(TestImages.jpegWithExif(badDate), SHANGHAI);
        assertNull(q.takenAt());
        assertNull(q.location());
    }

    @Test
    void shouldJudgeTheTypeByTheContentWhateverTheNameOrHeaderSay() {
        // the resource passes no name or header at all: a PNG is a PNG
        assertEquals("image/png", Photo.read(TestImages.png(), SHANGHAI).contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello, this is text", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF", "GIF89a\u0001\u0000\u0001\u0000",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "RIFF\u0004\u0000\u0000\u0000WAVE"})
    void shouldRefuseWhatIsNoJpegPngOrWebpWith415(String content) {
        assertEquals(415, refusal(content.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void shouldRefuseAnImageCutShortOrDamagedWith422() {
        byte[] jpeg = TestImages.jpegWithExif(TestImages.shuangyashanExif(ByteOrder.BIG_ENDIAN));
        assertEquals(422, refusal(Arrays.copyOf(jpeg, jpeg.length - 2)));
        assertEquals(422, refusal(Arrays.copyOf(jpeg, 40)));
        assertEquals(422, refusal(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        byte[] png = TestImages.png();
        assertEquals(422, refusal(Arrays.copyOf(png, png.length - 12)));
        byte[] damaged = png.clone();
        damaged[30] ^= 0x55;
        assertEquals(422, refusal(damaged));
        byte[] webp = TestImages.WEBP_LOSSY;
        assertEquals(422, refusal(Arrays.copyOf(webp, webp.length - 4)));
        byte[] noImage = TestImages.concat(TestImages.ascii("RIFF"), new byte[] {4, 0, 0, 0}, TestImages.ascii("WEBP"));
        assertEquals(422, refusal(noImage));
    }

    @Test
    void shouldRefuseMoreThan10MegabytesWith413() {
        byte[] jpeg = TestImages.jpeg();
        assertEquals(413, refusal(Arrays.copyOf(jpeg, Photo.MAX_BYTES + 1)));
    }
}
