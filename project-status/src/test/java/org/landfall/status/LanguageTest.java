package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.platform.problem.MessageBundles;
import org.landfall.status.domain.StatusText;

/** Problems speak the language of Accept-Language: Simplified Chinese for any zh, English otherwise. */
@QuarkusTest
class LanguageTest {

    static ValidatableResponse post(String acceptLanguage, UUID project, String body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).header("Accept-Language", acceptLanguage)
                .body(body).post("/api/projects/" + project + "/updates").then()
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithTheSameArguments() {
        assertEquals(List.of(), MessageBundles.faults(StatusText.class));
    }

    @Test
    void shouldNameTheStagesOfARefusedTransitionInTheLanguageAskedFor() {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 1, 18));
        String operational = "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-03-01\"}";
        post("zh-CN,zh;q=0.9", p.id(), operational).statusCode(409)
                .body("title", equalTo("冲突"))
                .body("detail", equalTo("不允许从 已签约 变更为 已投产；允许的下一阶段：已开工、已暂停、已取消"));
        post("en-US", p.id(), operational).statusCode(409)
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("SIGNED cannot become OPERATIONAL; allowed next stages: STARTED, SUSPENDED, CANCELLED"));
    }

    @Test
    void shouldSayBeanValidationAndUnreadableJsonInChinese() {
        UUID unknown = UUID.randomUUID();
        post("zh-CN", unknown, "{\"effectiveOn\": \"2023-03-01\", \"progressPercent\": 101}").statusCode(422)
                .body("title", equalTo("不符合规则"))
                .body("errors[0].field", equalTo("progressPercent")).body("errors[0].message", equalTo("最大不能超过100"));
        post("en", unknown, "{\"effectiveOn\": \"2023-03-01\", \"progressPercent\": 101}").statusCode(422)
                .body("errors[0].message", equalTo("must be less than or equal to 100"));
        post("zh-CN", unknown, "{\"effectiveOn\": \"2023-03-0\"}").statusCode(400)
                .body("title", equalTo("请求格式错误"))
                .body("errors[0].message", equalTo("无法将“2023-03-0”读取为日期（YYYY-MM-DD）"));
        post("zh-CN", unknown, "{\"effectiveOn\": ").statusCode(400).body("detail", startsWith("JSON 格式错误："));
        post("zh-CN", unknown, "{\"effectiveOn\": \"2023-03-01\", \"note\": \"visit\"}").statusCode(404)
                .body("detail", equalTo("项目 " + unknown + " 不存在（刚签约的项目约一秒后可查到）"));
    }

    @Test
    void shouldSayAnUnknownPathAndAnUnknownMethodInChinese() {
        given().auth().oauth2(INSPECTOR).header("Accept-Language", "zh-CN").get("/api/nothing-here").then()
                .statusCode(404).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("未找到")).body("detail", equalTo("此路径下没有任何资源"));
        given().auth().oauth2(INSPECTOR).header("Accept-Language", "zh-CN").delete("/api/projects").then()
                .statusCode(405).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("不支持该请求方法"));
    }
}
