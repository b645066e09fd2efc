package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.status.domain.evidence.Photo;

/** Photos of an update: accepted by their content, kept byte for byte with their EXIF time and place, or refused. */
@QuarkusTest
class EvidenceTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);

    /** A project with one update; answers the project and the update's id. */
    record Visit(ProjectSnapshot project, String update) {
        String evidence() {
            return "/api/projects/" + project.id() + "/updates/" + update + "/evidence";
        }
    }

    static Visit visit() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String update = UpdateRulesTest.post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\"}")
                .statusCode(201).extract().path("id");
        return new Visit(p, update);
    }

    static ValidatableResponse upload(String path, String contentType, byte[] bytes) {
        return given().auth().oauth2(INSPECTOR).contentType(contentType).body(bytes).post(path).then();
    }

    static ValidatableResponse history(Visit v) {
        return given().auth().oauth2(INSPECTOR).get("/api/projects/" + v.project().id() + "/status").then().statusCode(200);
    }

    @Test
    void shouldKeepAJpegByteForByteWithItsExifTimeAndPlaceAndListItOnTheUpdate() {
        Visit v = visit();
        byte[] photo = TestImages.jpegWithExif(TestImages.shuangyashanExif(ByteOrder.BIG_ENDIAN));
        String id = upload(v.evidence(), "image/jpeg", photo).statusCode(201)
                .body("id", notNullValue()).body("sha256", equalTo(IdempotencyKeys.sha256(photo)))
                .body("contentType", equalTo("image/jpeg")).body("size", equalTo(photo.length))
                .body("takenAt", equalTo("2023-04-07T02:15:30Z"))
                .body("location.latitude", equalTo(46.646f)).body("location.longitude", equalTo(131.157f))
                .body("updateId", equalTo(v.update())).body("recordedBy", equalTo("inspector-zhao"))
                .extract().path("id");
        byte[] served = given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).get(v.evidence() + "/" + id).then()
                .statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(photo, served);
        history(v).body("history[0].evidence", contains(id));
    }

    @Test
    void shouldTrustTheContentOverTheContentTypeAndAcceptPngAndWebp() {
        Visit v = visit();
        String png = upload(v.evidence(), "image/jpeg", TestImages.png()).statusCode(201)
                .body("contentType", equalTo("image/png")).body("takenAt", nullValue()).body("location", nullValue())
                .extract().path("id");
        given().auth().oauth2(INSPECTOR).get(v.evidence() + "/" + png).then().statusCode(200).contentType("image/png");
        byte[] webp = TestImages.webpWithExif(TestImages.shuangyashanExif(ByteOrder.LITTLE_ENDIAN));
        String w = upload(v.evidence(), "application/octet-stream", webp).statusCode(201)
                .body("contentType", equalTo("image/webp")).body("takenAt", equalTo("2023-04-07T02:15:30Z"))
                .extract().path("id");
        String lossy = upload(v.evidence(), "image/webp", TestImages.WEBP_LOSSY).statusCode(201).extract().path("id");
        assertArrayEquals(webp, given().auth().oauth2(INSPECTOR).get(v.evidence() + "/" + w).then().statusCode(200)
                .contentType("image/webp").extract().asByteArray());
        history(v).body("history[0].evidence", contains(png, w, lossy));
    }

    @Test
    void shouldStoreTheSamePhotoOncePerUpdate() {
        Visit v = visit();
        byte[] photo = TestImages.jpeg();
        String first = upload(v.evidence(), "image/jpeg", photo).statusCode(201).extract().path("id");
        upload(v.evidence(), "image/jpeg", photo).statusCode(201).body("id", equalTo(first));
        history(v).body("history[0].evidence", hasSize(1));
    }

    @Test
    void shouldAcceptAPhotoOfExactly10MegabytesAndRefuseOneByteMoreWith413() {
        Visit v = visit();
        byte[] jpeg = TestImages.jpeg();
        // data after the end of the image is allowed (cameras append some): a whole JPEG of 10 MB
        upload(v.evidence(), "image/jpeg", Arrays.copyOf(jpeg, Photo.MAX_BYTES)).statusCode(201);
        upload(v.evidence(), "image/jpeg", Arrays.copyOf(jpeg, Photo.MAX_BYTES + 1)).statusCode(413)
                .contentType("application/problem+json");
        history(v).body("history[0].evidence", hasSize(1));
    }

    @Test
    void shouldRefuseWhatIsNoWholePhotoAndStoreNothing() {
        Visit v = visit();
        upload(v.evidence(), "text/plain", "a note, not a photo".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .contentType("application/problem+json");
        upload(v.evidence(), "image/jpeg", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)).statusCode(415);
        upload(v.evidence(), "application/pdf", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)).statusCode(415);
        upload(v.evidence(), "image/jpeg", new byte[0]).statusCode(415);
        byte[] jpeg = TestImages.jpeg();
        upload(v.evidence(), "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)).statusCode(422)
                .contentType("application/problem+json");
        byte[] png = TestImages.png();
        upload(v.evidence(), "image/png", Arrays.copyOf(png, png.length - 1)).statusCode(422);
        upload(v.evidence(), "multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.jpg\"\r\n\r\nxyz\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII)).statusCode(415);
        history(v).body("history[0].evidence", hasSize(0));
    }

    @Test
    void shouldAnswer404ForAnUnknownProjectUpdateOrPhoto() {
        Visit v = visit();
        Visit other = visit();
        byte[] photo = TestImages.jpeg();
        upload("/api/projects/" + v.project().id() + "/updates/" + UUID.randomUUID() + "/evidence", "image/jpeg", photo).statusCode(404);
        upload("/api/projects/" + other.project().id() + "/updates/" + v.update() + "/evidence", "image/jpeg", photo).statusCode(404);
        upload("/api/projects/" + UUID.randomUUID() + "/updates/" + v.update() + "/evidence", "image/jpeg", photo).statusCode(404);
        upload("/api/projects/" + v.project().id() + "/updates/not-an-update/evidence", "image/jpeg", photo).statusCode(404);
        String id = upload(v.evidence(), "image/jpeg", photo).statusCode(201).extract().path("id");
        given().auth().oauth2(INSPECTOR).get(other.evidence() + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(INSPECTOR).get(v.evidence() + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(INSPECTOR).get(v.evidence() + "/nope").then().statusCode(404);
        history(other).body("history[0].evidence", hasSize(0));
    }

    @Test
    void shouldLetOnlyInspectorsAndAdminsUploadAndEveryRoleLook() {
        Visit v = visit();
        byte[] photo = TestImages.png();
        given().auth().oauth2(DevTokens.token("a", "analyst")).contentType("image/png").body(photo).post(v.evidence())
                .then().statusCode(403);
        given().contentType("image/png").body(photo).post(v.evidence()).then().statusCode(401);
        String id = given().auth().oauth2(DevTokens.token("boss", "admin")).contentType("image/png").body(photo)
                .post(v.evidence()).then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token("o", "intake-officer")).get(v.evidence() + "/" + id).then().statusCode(200);
        given().get(v.evidence() + "/" + id).then().statusCode(401);
        history(v).body("history[0].evidence", hasSize(1));
    }
}
