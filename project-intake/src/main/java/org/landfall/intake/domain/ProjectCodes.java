package org.landfall.intake.domain;

import java.util.Locale;
import java.util.Map;

import org.landfall.regions.Regions;

/**
 * The prefix of a project's human-readable code: the province's two-letter abbreviation (GB/T 2260 style), so a
 * Liaoning project signed in 2022 is {@code LN-2022-000001}. A contract with a region code is known by its
 * province's English name (黑龙江省 is {@code HL} too); an unknown province gets its first two letters.
 */
public final class ProjectCodes {

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("beijing", "BJ"), Map.entry("tianjin", "TJ"), Map.entry("hebei", "HE"),
            Map.entry("shanxi", "SX"), Map.entry("inner mongolia", "NM"), Map.entry("liaoning", "LN"),
            Map.entry("jilin", "JL"), Map.entry("heilongjiang", "HL"), Map.entry("shanghai", "SH"),
            Map.entry("jiangsu", "JS"), Map.entry("zhejiang", "ZJ"), Map.entry("anhui", "AH"),
            Map.entry("fujian", "FJ"), Map.entry("jiangxi", "JX"), Map.entry("shandong", "SD"),
            Map.entry("henan", "HA"), Map.entry("hubei", "HB"), Map.entry("hunan", "HN"),
            Map.entry("guangdong", "GD"), Map.entry("guangxi", "GX"), Map.entry("hainan", "HI"),
            Map.entry("chongqing", "CQ"), Map.entry("sichuan", "SC"), Map.entry("guizhou", "GZ"),
            Map.entry("yunnan", "YN"), Map.entry("tibet", "XZ"), Map.entry("xizang", "XZ"),
            Map.entry("shaanxi", "SN"), Map.entry("gansu", "GS"), Map.entry("qinghai", "QH"),
            Map.entry("ningxia", "NX"), Map.entry("xinjiang", "XJ"), Map.entry("hong kong", "HK"),
            Map.entry("macao", "MO"), Map.entry("macau", "MO"), Map.entry("taiwan", "TW"));

    private ProjectCodes() {
    }

    public static String prefix(Contract c) {
        Regions regions = Regions.gbt2260();
        return prefix(regions.find(c.regionCode()).map(r -> regions.lineage(r).get(0).nameEn()).orElse(c.province()));
    }

    static String prefix(String province) {
        String key = province.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+(province|municipality)$", "");
        String known = PREFIXES.get(key);
        if (known != null) {
            return known;
        }
        String letters = key.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
        return letters.length() >= 2 ? letters.substring(0, 2) : "XX";
    }

    public static String format(String prefix, int year, int sequence) {
        return String.format(Locale.ROOT, "%s-%d-%06d", prefix, year, sequence);
    }
}
