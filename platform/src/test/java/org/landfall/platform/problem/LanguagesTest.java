package org.landfall.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "zh-CN | zh_CN", "zh | zh_CN", "zh-TW | zh_CN", "zh-Hans-CN | zh_CN", "ZH-cn | zh_CN",
            "zh-CN,zh;q=0.9,en;q=0.8 | zh_CN", "fr, zh;q=0.5 | zh_CN", "en;q=0.5, zh | zh_CN",
            "en | en", "en-US | en", "en-US,zh;q=0.9 | en", "zh;q=0, en | en", "* | en", "de, fr | en",
            "NULL | en", "'' | en", "zh;q=x | en", ";;; | en"})
    void shouldAnswerInChineseForAnyChineseRangeWeightedAboveEnglishAndInEnglishOtherwise(String header, String language) {
        assertEquals(language, Languages.of(header).toString());
    }
}
