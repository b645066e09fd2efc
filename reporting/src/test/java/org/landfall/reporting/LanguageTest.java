package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.platform.problem.MessageBundles;
import org.landfall.reporting.domain.ReportText;

/** Problems speak the language of Accept-Language: Simplified Chinese for any zh, English otherwise. */
@QuarkusTest
class LanguageTest {

    static ValidatableResponse report(String acceptLanguage, String query) {
        var request = given().auth().oauth2(DevTokens.token("analyst-wang", "analyst"));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get("/api/reports/quarterly?" + query).then().contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithTheSameArguments() {
        assertEquals(List.of(), MessageBundles.faults(ReportText.class));
    }

    @Test
    void shouldSayARefusedQueryInTheLanguageAskedFor() {
        report("zh-CN", "from=2023-Q3&to=2023-Q1").statusCode(422)
                .body("title", equalTo("不符合规则")).body("detail", equalTo("to：不能早于 from"));
        report(null, "from=2023-Q3&to=2023-Q1").statusCode(422)
                .body("title", equalTo("Rule broken")).body("detail", equalTo("to: must not be before from"));
        report("zh", "from=2023-3").statusCode(400)
                .body("title", equalTo("请求格式错误"))
                .body("errors[0].field", equalTo("from")).body("errors[0].message", equalTo("必须是季度，如 2023-Q1"));
        report("zh-Hans", "from=2023-Q1&minContractValue=-1").statusCode(422)
                .body("errors[0].message", equalTo("必须在 0 到 10000000000000 元之间，最多 2 位小数"));
    }
}
