package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Problems speak the language of Accept-Language: Simplified Chinese for any zh, English otherwise. */
@QuarkusTest
class LanguageTest {

    private static ValidatableResponse sign(String acceptLanguage, String body) {
        var request = Api.officer();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.body(body).when().post("/api/projects").then()
                .contentType(startsWith("application/problem+json")).header("Vary", "Accept-Language");
    }

    /** A blank name (Hibernate Validator's @NotBlank) and a value of 0 (our @Yuan): two fields, in one answer. */
    private static String blankAndZero() {
        return Api.contract(" ", "contractValue", "0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zh-CN | zh", "zh | zh", "zh-TW | zh", "fr, zh;q=0.5 | zh",
            "zh-CN,zh;q=0.9,en;q=0.8 | zh", "en | en", "en-US,zh;q=0.9 | en", "de | en", "* | en", "zh;q=0, en | en"})
    void shouldSayBeanValidationAndOurConstraintsInTheLanguageAskedFor(String acceptLanguage, String language) {
        boolean chinese = language.equals("zh");
        sign(acceptLanguage, blankAndZero()).statusCode(422)
                .body("title", equalTo(chinese ? "不符合规则" : "Rule broken"))
                .body("detail", equalTo(chinese ? "2 个字段不符合规则" : "2 fields break the rules"))
                .body("errors.field", equalTo(List.of("contractValue", "name")))
                .body("errors.message", equalTo(chinese ? List.of("必须大于 0", "不能为空")
                        : List.of("must be greater than 0", "must not be blank")));
    }

    @Test
    void shouldSayEnglishWithoutAcceptLanguage() {
        sign(null, Api.contract(Api.unique("Rule"), "sector", "\"spaceships\"")).statusCode(422)
                .body("detail", equalTo("sector: must be one of the codes of GET /api/sectors"));
    }

    @Test
    void shouldSayTheRulesOfAContractAndUnreadableJsonInChinese() {
        sign("zh-CN", Api.contract(Api.unique("Rule"), "sector", "\"spaceships\"")).statusCode(422)
                .body("detail", equalTo("sector：必须是 GET /api/sectors 所列的代码之一"));
        sign("zh-CN", Api.contract(Api.unique("Types"), "signedOn", "\"27/09/2022\"")).statusCode(400)
                .body("title", equalTo("请求格式错误"))
                .body("errors[0].field", equalTo("signedOn"))
                .body("errors[0].message", equalTo("无法将“27/09/2022”读取为日期（YYYY-MM-DD）"));
        sign("zh-CN", Api.contract(Api.unique("Code"), "regionCode", "\"2305\"")).statusCode(422)
                .body("errors.find { it.field == 'regionCode' }.message", equalTo("必须是六位数字的 GB/T 2260 行政区划代码，如 230500"));
        sign("zh-CN", Api.contract(Api.unique("Unknown"), "color", "\"red\"")).statusCode(400)
                .body("detail", equalTo("color：未知字段“color”"));
        sign("zh-CN", "{\"name\": ").statusCode(400)
                .body("detail", startsWith("JSON 格式错误："));
        sign("zh-CN", "null").statusCode(400)
                .body("detail", equalTo("请求体必须是 JSON 对象（一份已签约的合同）"));
    }

    @Test
    void shouldSayWhatTheFrameworkRefusesInChinese() {
        given().header("Accept-Language", "zh-CN").when().get("/api/projects")
                .then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("未通过身份验证")).body("detail", equalTo("需要有效的访问令牌（Bearer token）"));
        Api.as("reader", "analyst").header("Accept-Language", "zh-CN").body(Api.contract(Api.unique("Forbidden")))
                .when().post("/api/projects")
                .then().statusCode(403).body("title", equalTo("无权操作")).body("detail", equalTo("您的角色无权执行此操作"));
        Api.analyst().header("Accept-Language", "zh-CN").when().get("/api/projects/6f1d2c3b-0000-4000-8000-000000000000")
                .then().statusCode(404).body("title", equalTo("未找到"))
                .body("detail", equalTo("项目 6f1d2c3b-0000-4000-8000-000000000000 不存在"));
        Api.officer().header("Accept-Language", "zh-CN").when().delete("/api/projects")
                .then().statusCode(405).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("不支持该请求方法"));
        Api.officer().header("Accept-Language", "zh-CN").contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/projects")
                .then().statusCode(415).body("title", equalTo("不支持的内容类型"));
        Api.officer().header("Accept-Language", "zh-CN").body("x".repeat(1_100_000))
                .when().post("/api/projects")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("请求内容过大")).body("detail", equalTo("请求内容超过 1048576 字节。"));
    }
}
