package org.landfall.demo;

import static java.time.LocalDate.of;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The projects of the seed articles (shared/DOMAIN.md) with their lifecycles as reported, plus synthetic
 * companions so that the reports reproduce the figures the articles publish:
 * <ul>
 * <li>Shuangyashan, first quarter of 2023: 86 contracted projects worth 45.6 billion yuan;</li>
 * <li>Lishui District, first half of 2023: 51 major projects completed 9.78 billion yuan of investment, and
 * 16 new projects started.</li>
 * </ul>
 * Where an article gives no date or value, the demo picks a plausible one and says so in the source title.
 */
final class SeedProjects {

    static final BigDecimal SHUANGYASHAN_Q1_2023_VALUE = new BigDecimal("45600000000");
    static final int SHUANGYASHAN_Q1_2023_COUNT = 86;
    static final BigDecimal LISHUI_H1_2023_INVESTMENT = new BigDecimal("9780000000");
    static final int LISHUI_H1_2023_STARTS = 16;
    static final int LISHUI_MAJOR_PROJECTS = 51;

    private static final String TIEXI = "Yiwei project signed in Tiexi (seed article)";
    private static final String SHUANGYASHAN = "Shuangyashan spring investment promotion (seed article, 2023-04-24)";
    private static final String SYNTHETIC = "synthetic companion (demo data)";

    private SeedProjects() {
    }

    static List<DemoProject> all() {
        List<DemoProject> all = new ArrayList<>();
        all.addAll(tiexi());
        all.addAll(shuangyashan());
        all.addAll(tianjin());
        all.addAll(lishui());
        return all;
    }

    static List<DemoProject> tiexi() {
        return List.of(
                new DemoProject("yiwei", "Yiwei Lithium Energy Storage and Power Battery Project",
                        "Huizhou Yiwei Lithium Energy Co., Ltd.", "Liaoning", "Shenyang", "Tiexi", "new-energy",
                        of(2022, 9, 27), yuan("10000000000"))
                        .set("plannedCapacity", Map.of("value", 40, "unit", "GWh"))
                        .set("phases", List.of(Map.of("number", 1, "investment", yuan("5000000000"),
                                "capacity", Map.of("value", 20, "unit", "GWh"))))
                        .source(TIEXI, of(2022, 9, 28)),
                new DemoProject("bmw-edrive", "BMW new-generation electric drive assembly project", "BMW Brilliance Automotive Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", "automobiles", of(2022, 6, 16), yuan("2000000000"))
                        .source(TIEXI + "; date and value illustrative", of(2022, 9, 28)),
                new DemoProject("gcl-mobile", "GCL Mobile Energy project", "GCL Mobile Energy Co., Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", "new-energy", of(2022, 7, 21), yuan("1500000000"))
                        .source(TIEXI + "; date and value illustrative", of(2022, 9, 28)),
                new DemoProject("zf-edrive", "ZF electric drive project", "ZF (Shenyang) Automotive Components Co., Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", "automobiles", of(2022, 8, 30), yuan("1200000000"))
                        .source(TIEXI + "; date and value illustrative", of(2022, 9, 28)));
    }

    static List<DemoProject> shuangyashan() {
        List<DemoProject> list = new ArrayList<>();
        list.add(hlj("fengfan", "Fengfan energy storage equipment manufacturing project", "Fengfan Co., Ltd.", "Jianshan",
                "equipment-manufacturing", of(2023, 1, 18), "1050000000")
                .set("plannedJobs", 300)
                .set("plannedCapacity", Map.of("value", 6000000, "unit", "kW/year"))
                .set("plannedOperationalOn", "2025-12-31")
                .stage("STARTED", of(2023, 4, 7), "Construction site started")
                .figures(of(2023, 6, 30), yuan("200000000"), 120));
        list.add(hlj("graphite-anode", "100,000-ton natural graphite anode material project", "Shuangyashan Graphite New Materials Co., Ltd.",
                "Lingdong", "new-materials", of(2022, 11, 8), "3000000000")
                .stage("STARTED", of(2023, 3, 20), "Construction started")
                .stage("SUSPENDED", of(2023, 4, 10), "Equipment installation postponed: waiting for the power supply plan")
                .stage("STARTED", of(2023, 4, 21), "Power supply plan approved; installation unblocked")
                .figures(of(2023, 6, 30), yuan("450000000"), 85));
        list.add(hlj("wind-base", "Wind power clean energy manufacturing base (first phase)", "Shuangyashan Wind Power Equipment Co., Ltd.",
                "Baoshan", "energy-power", of(2022, 8, 12), "17700000000")
                .stage("STARTED", of(2022, 10, 15), null)
                .figures(of(2022, 12, 31), yuan("2100000000"), 260)
                .figures(of(2023, 3, 31), yuan("3400000000"), 410)
                .stage("OPERATIONAL", of(2023, 4, 18), "The first wind turbine rolled off the line"));
        list.add(hlj("energy-base", "\"Wind, water, fire and storage\" comprehensive energy base in the coal-mining subsidence area",
                "Shuangyashan Energy Investment Group", "Sifangtai", "energy-power", of(2022, 12, 20), "58330000000"));
        list.add(hlj("baoqing-humic", "Baoqing humic acid and montan wax 1,000-ton pilot project", "Baoqing Humic Acid Technology Co., Ltd.",
                "Baoqing County", "chemicals", of(2022, 5, 10), "120000000")
                .stage("STARTED", of(2022, 9, 1), null)
                .stage("OPERATIONAL", of(2023, 3, 28), "Put into operation"));
        list.add(hlj("jianlong-power", "Jianlong 40 MW ultra-high-temperature, ultra-high-pressure power generation project",
                "Jianlong Shuangyashan Iron and Steel Co., Ltd.", "Jianshan", "energy-power", of(2022, 3, 15), "380000000")
                .stage("STARTED", of(2022, 6, 1), null)
                .stage("OPERATIONAL", of(2023, 5, 26), "Connected to the grid"));
        list.add(hlj("obesa-park", "Obesa Building Materials Industrial Park", "Obesa Building Materials Co., Ltd.",
                "Youyi County", "new-materials", of(2021, 6, 8), "800000000")
                .stage("STARTED", of(2021, 9, 1), null)
                .stage("SUSPENDED", of(2022, 7, 15), "Construction stalled")
                .stage("STARTED", of(2023, 4, 12), "Construction resumed"));
        list.add(hlj("lianfeng-complex", "Lianfeng International urban complex", "Lianfeng Real Estate Development Co., Ltd.",
                "Jianshan", "real-estate-urban", of(2020, 10, 20), "1600000000")
                .stage("STARTED", of(2021, 4, 1), null)
                .stage("SUSPENDED", of(2022, 3, 1), "Construction stalled")
                .stage("STARTED", of(2023, 4, 16), "Construction resumed"));
        // industrial parks, biomedicine, energy agriculture
        String[] zhongjia = {"other", "biomedicine", "agriculture-food"};
        for (int i = 1; i <= 12; i++) {
            String sector = zhongjia[(i - 1) % 3];
            list.add(hlj("zhongjia-" + i, "Zhongjia Minyuan cooperation project No. " + i, "Zhongjia Minyuan Industrial Group",
                    "Jianshan", sector, of(2023, 4, 13), String.valueOf(300_000_000L + 50_000_000L * i)));
        }
        // Companions: with Fengfan, 86 projects signed in Q1 2023 worth exactly 45.6 billion yuan.
        BigDecimal seedsInQ1 = list.stream()
                .filter(p -> inQuarter(p, 2023, 1))
                .map(p -> (BigDecimal) p.contract.get("contractValue")).reduce(BigDecimal.ZERO, BigDecimal::add);
        long seedCount = list.stream().filter(p -> inQuarter(p, 2023, 1)).count();
        int n = SHUANGYASHAN_Q1_2023_COUNT - (int) seedCount;
        List<BigDecimal> values = split(SHUANGYASHAN_Q1_2023_VALUE.subtract(seedsInQ1), n, new Random(86));
        String[] districts = {"Jianshan", "Lingdong", "Sifangtai", "Baoshan", "Jixian County", "Youyi County", "Baoqing County", "Raohe County"};
        String[] sectors = {"new-energy", "new-materials", "equipment-manufacturing", "agriculture-food", "chemicals", "logistics",
                "tourism-culture", "biomedicine", "energy-power", "electronics-information"};
        for (int i = 0; i < n; i++) {
            LocalDate signed = of(2023, 1, 3).plusDays((i * 86L) / n);
            String sector = sectors[i % sectors.length];
            list.add(hlj("sys-q1-" + (i + 1), "Shuangyashan " + sector.replace('-', ' ') + " project No. " + (i + 1),
                    "Synthetic Investor " + (i + 1) + " Co., Ltd.", districts[i % districts.length], sector, signed,
                    values.get(i).toPlainString()).source(SYNTHETIC, signed));
        }
        return list;
    }

    static List<DemoProject> tianjin() {
        return List.of(
                new DemoProject("lishen", "Lishen Battery lithium-ion battery smart factory", "Tianjin Lishen Battery Joint-Stock Co., Ltd.",
                        "Tianjin", "Tianjin", "Xiqing", "new-energy", of(2019, 3, 1), yuan("2500000000"))
                        .set("plannedCapacity", Map.of("value", 300000000, "unit", "Ah/year"))
                        .source("Lishen smart factory (seed article); dates and value illustrative", of(2023, 5, 1))
                        .stage("STARTED", of(2019, 6, 1), null)
                        .stage("OPERATIONAL", of(2021, 1, 15), "300 million Ah of square lithium-ion cells a year"),
                new DemoProject("faw-toyota-ne", "FAW Toyota New Energy Branch", "FAW Toyota Motor Co., Ltd.",
                        "Tianjin", "Tianjin", "Sino-Singapore Tianjin Eco-City", "automobiles", of(2019, 11, 20), yuan("8500000000"))
                        .set("plannedCapacity", Map.of("value", 200000, "unit", "vehicles/year"))
                        .source("FAW Toyota New Energy Branch (seed article); value illustrative", of(2023, 5, 1))
                        .stage("STARTED", of(2020, 3, 1), null)
                        .stage("OPERATIONAL", of(2021, 6, 30), "Production started"));
    }

    /**
     * 51 major projects of Lishui District: 35 started before 2023 (with their 2022 figures), 16 start in the
     * first half of 2023; together they add exactly 9.78 billion yuan of investment in Q1 and Q2 2023.
     */
    static List<DemoProject> lishui() {
        Random random = new Random(51);
        List<BigDecimal> h1 = split(LISHUI_H1_2023_INVESTMENT, LISHUI_MAJOR_PROJECTS, random);
        String[] sectors = {"equipment-manufacturing", "new-energy", "electronics-information", "automobiles", "biomedicine", "logistics"};
        List<DemoProject> list = new ArrayList<>();
        for (int i = 0; i < LISHUI_MAJOR_PROJECTS; i++) {
            boolean startsIn2023 = i < LISHUI_H1_2023_STARTS;
            BigDecimal before = startsIn2023 ? BigDecimal.ZERO : h1.get(i).multiply(new BigDecimal("1.5")).setScale(0, RoundingMode.DOWN);
            BigDecimal q1 = h1.get(i).multiply(new BigDecimal("0.4")).setScale(0, RoundingMode.DOWN);
            LocalDate signed = startsIn2023 ? of(2022, 10, 10).plusDays(i * 5L) : of(2021, 3, 1).plusDays(i * 9L);
            BigDecimal value = before.add(h1.get(i)).multiply(new BigDecimal("3")).setScale(-6, RoundingMode.UP).setScale(0);
            DemoProject p = new DemoProject("lishui-" + (i + 1), "Lishui major project No. " + (i + 1) + " (" + sectors[i % sectors.length] + ")",
                    "Synthetic Lishui Investor " + (i + 1) + " Co., Ltd.", "Jiangsu", "Nanjing", "Lishui",
                    sectors[i % sectors.length], signed, value)
                    .source("Lishui major projects (seed article, 2023-08-08); " + SYNTHETIC, signed);
            LocalDate start = startsIn2023 ? of(2023, 1, 9).plusDays(i * 10L) : signed.plusDays(60);
            p.stage("STARTED", start, null);
            if (!startsIn2023) {
                p.figures(of(2022, 12, 31), before, null);
            }
            if (start.isBefore(of(2023, 3, 31))) {
                p.figures(of(2023, 3, 31), before.add(q1), null);
            }
            p.figures(of(2023, 6, 30), before.add(h1.get(i)), null);
            list.add(p);
        }
        return list;
    }

    private static DemoProject hlj(String key, String name, String investor, String district, String sector,
                                   LocalDate signedOn, String value) {
        return new DemoProject(key, name, investor, "Heilongjiang", "Shuangyashan", district, sector, signedOn, yuan(value))
                .source(SHUANGYASHAN, of(2023, 4, 24));
    }

    private static boolean inQuarter(DemoProject p, int year, int quarter) {
        LocalDate d = LocalDate.parse((String) p.contract.get("signedOn"));
        return d.getYear() == year && (d.getMonthValue() - 1) / 3 + 1 == quarter;
    }

    /** {@code total} in {@code n} uneven parts of whole ten-thousands of yuan, summing to it exactly. */
    static List<BigDecimal> split(BigDecimal total, int n, Random random) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 0.2 + random.nextDouble() * random.nextDouble() * 4;
            sum += weights[i];
        }
        List<BigDecimal> parts = new ArrayList<>(n);
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < n - 1; i++) {
            BigDecimal part = total.multiply(BigDecimal.valueOf(weights[i] / sum)).setScale(-4, RoundingMode.DOWN).setScale(0);
            parts.add(part);
            allocated = allocated.add(part);
        }
        parts.add(total.subtract(allocated));
        return parts;
    }

    static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }
}
