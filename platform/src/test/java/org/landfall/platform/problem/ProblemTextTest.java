package org.landfall.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProblemTextTest {

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithTheSameArguments() {
        assertEquals(List.of(), MessageBundles.faults(ProblemText.class));
    }

    @Test
    void shouldSayAMessageInEitherLanguageWithApostrophesAndPlainNumbers() {
        Text text = ProblemText.CANNOT_READ_AS.with("27/09/2022", ProblemText.A_DATE.with());
        assertEquals("cannot read '27/09/2022' as a date (YYYY-MM-DD)", text.in(Languages.ENGLISH));
        assertEquals("无法将“27/09/2022”读取为日期（YYYY-MM-DD）", text.in(Languages.CHINESE));
        assertEquals("must be at most 10737418 with size 200 (page × size may not exceed 2147483647 rows)",
                ProblemText.PAGE_TOO_FAR.with(10737418, 200, Integer.MAX_VALUE).in(Languages.ENGLISH));
        assertEquals("value: 10000000000000", ProblemText.FIELD_MESSAGE.with("value", new BigDecimal("1E+13"))
                .in(Languages.ENGLISH));
    }

    @Test
    void shouldSayAProblemBodyInTheLanguageAskedForWithItsExtensions() {
        Problem problem = ProblemException.unprocessable(List.of(new FieldError("page", ProblemText.MIN_PAGE.with()),
                new FieldError("size", Text.said("个数必须在1和200之间")))).problem().with("existingProjectId", "p-1");
        Map<String, Object> zh = problem.body(Languages.CHINESE);
        assertEquals(List.of("type", "title", "status", "detail", "errors", "existingProjectId"), List.copyOf(zh.keySet()));
        assertEquals("不符合规则", zh.get("title"));
        assertEquals("2 个字段不符合规则", zh.get("detail"));
        assertEquals(List.of(Map.of("field", "page", "message", "必须大于或等于 0"),
                Map.of("field", "size", "message", "个数必须在1和200之间")), zh.get("errors"));
        Map<String, Object> en = problem.body(Languages.ENGLISH);
        assertEquals("Rule broken", en.get("title"));
        assertEquals("2 fields break the rules", en.get("detail"));
    }

    @Test
    void shouldListItemsTheWayEachLanguageDoes() {
        Text stages = Text.list(List.of("STARTED", "SUSPENDED", "CANCELLED"));
        assertEquals("STARTED, SUSPENDED, CANCELLED", stages.in(Languages.ENGLISH));
        assertEquals("STARTED、SUSPENDED、CANCELLED", stages.in(Languages.CHINESE));
    }
}
