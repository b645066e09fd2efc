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
 * The projects of the seed articles (shared/DOMAIN.md, shared/seeds/) with their lifecycles as reported, plus
 * synthetic companions so that the reports reproduce the figures the articles publish:
 * <ul>
 * <li>Shuangyashan, first quarter of 2023: 86 contracted projects worth 45.6 billion yuan;</li>
 * <li>Shuangyashan, 2023: 201 key construction projects with 16.6 billion yuan of annual planned investment, 52 of
 * them provincial-level with 11.8 billion; 107 of them started in spring, with 5.8 billion;</li>
 * <li>Lishui District, first half of 2023: 51 provincial and municipal major projects completed 9.78 billion yuan
 * of investment, and 16 new projects started;</li>
 * <li>Liaobin Coastal Economic and Technological Development Zone of Panjin: five technology contracts signed,
 * 110 million yuan of research and development investment completed.</li>
 * </ul>
 * What the demo makes up is labelled: a synthetic companion says so in its source title and its investor's name;
 * a project of an article names, at the end of its source title, the contract fields the article does not give
 * ({@link DemoProject#illustrative}), and the note of each update whose date or figures the article does not give
 * says "illustrative", as does the note of each blocker. The articles' facts are checked in SeedProjectsTest.
 * <p>
 * The watch list is computed against today, so that it shows red and yellow on a stack just loaded: the key projects
 * that had not started by mid-2023 are long past their planned starts (red), Fengfan and FAW Toyota past their
 * planned operation (red), and three of Lishui's companions hold blockers raised a set number of days before the
 * load (one red, two yellow, for 90 days at least).
 */
final class SeedProjects {

    static final BigDecimal SHUANGYASHAN_Q1_2023_VALUE = new BigDecimal("45600000000");
    static final int SHUANGYASHAN_Q1_2023_COUNT = 86;
    static final int SHUANGYASHAN_KEY_2023_COUNT = 201;
    static final BigDecimal SHUANGYASHAN_KEY_2023_PLANNED = new BigDecimal("16600000000");
    static final int SHUANGYASHAN_PROVINCIAL_KEY_2023_COUNT = 52;
    static final BigDecimal SHUANGYASHAN_PROVINCIAL_KEY_2023_PLANNED = new BigDecimal("11800000000");
    static final int SHUANGYASHAN_KEY_2023_STARTED_COUNT = 107;
    static final BigDecimal SHUANGYASHAN_KEY_2023_STARTED_PLANNED = new BigDecimal("5800000000");
    static final BigDecimal LISHUI_H1_2023_INVESTMENT = new BigDecimal("9780000000");
    static final int LISHUI_H1_2023_STARTS = 16;
    static final int LISHUI_MAJOR_PROJECTS = 51;
    static final int PANJIN_TECHNOLOGY_CONTRACTS = 5;
    static final BigDecimal PANJIN_RESEARCH_INVESTMENT = new BigDecimal("110000000");

    static final String SYNTHETIC = "synthetic companion (demo data)";
    private static final String TIEXI = "Yiwei project signed in Tiexi (seed article)";
    private static final String SHUANGYASHAN = "Shuangyashan spring investment promotion (seed article, 2023-04-24)";
    private static final String TIANJIN = "Tianjin's manufacturing after 2020 (seed article, Tonight News, early 2021)";
    private static final String PANJIN = "Liaoning development zones press conference of 2024-06-20 (seed article)";
    private static final String SHUANGYASHAN_ETDZ = "Shuangyashan Economic and Technological Development Zone";
    private static final String RAOHE_PARK = "Raohe Green Industry Processing Park";
    private static final String LIAOBIN_ETDZ = "Liaobin Coastal Economic and Technological Development Zone";
    private static final String PROVINCIAL = "provincial-key";
    private static final String MUNICIPAL = "municipal-key";
    /** The day the article's province started its key projects of 2023 together, Shuangyashan's by video link. */
    private static final LocalDate PROVINCIAL_START_DAY = of(2023, 4, 7);
    private static final String[] SHUANGYASHAN_DISTRICTS = {"Jianshan", "Lingdong", "Sifangtai", "Baoshan", "Jixian County",
            "Youyi County", "Baoqing County", "Raohe County"};
    /** The GB/T 2260 codes of Shuangyashan's districts and counties. */
    private static final Map<String, String> SHUANGYASHAN_CODES = Map.of("Jianshan", "230502", "Lingdong", "230503",
            "Sifangtai", "230505", "Baoshan", "230506", "Jixian County", "230521", "Youyi County", "230522",
            "Baoqing County", "230523", "Raohe County", "230524");
    private static final String TIEXI_CODE = "210106";
    private static final String[] SECTORS = {"new-energy", "new-materials", "equipment-manufacturing", "agriculture-food",
            "chemicals", "logistics", "tourism-culture", "biomedicine", "energy-power", "electronics-information"};

    private SeedProjects() {
    }

    /** The demo as loaded on {@code loadedOn} (the day its open blockers are counted back from). */
    static List<DemoProject> all(LocalDate loadedOn) {
        List<DemoProject> all = new ArrayList<>();
        all.addAll(tiexi());
        all.addAll(shuangyashan());
        all.addAll(panjin());
        all.addAll(tianjin());
        all.addAll(lishui(loadedOn));
        return all;
    }

    /**
     * Annual targets, so that the dashboard can show how far a place is: the articles publish none (Shuangyashan
     * only vows to "ensure a successful completion of the annual goals"), so these are invented, and said to be
     * in README.md.
     */
    static List<DemoTarget> targets() {
        return List.of(new DemoTarget(2023, "Heilongjiang", "Shuangyashan", null, 300, yuan("150000000000"), 180,
                yuan("20000000000"), 15000));
    }

    static List<DemoProject> tiexi() {
        LocalDate published = of(2022, 9, 28);
        return List.of(
                new DemoProject("yiwei", "Yiwei Lithium Energy Storage and Power Battery Project",
                        "Huizhou Yiwei Lithium Energy Co., Ltd.", "Liaoning", "Shenyang", "Tiexi", TIEXI_CODE, "new-energy",
                        of(2022, 9, 27), yuan("10000000000"))
                        .set("plannedCapacity", Map.of("value", 40, "unit", "GWh"))
                        .set("phases", List.of(Map.of("number", 1, "investment", yuan("5000000000"),
                                "capacity", Map.of("value", 20, "unit", "GWh"))))
                        .source(TIEXI, published).illustrative("publishedOn"),
                new DemoProject("bmw-edrive", "BMW new-generation electric drive assembly project", "BMW Brilliance Automotive Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", TIEXI_CODE, "automobiles", of(2022, 6, 16), yuan("2000000000"))
                        .source(TIEXI, published).illustrative("investor", "signedOn", "contractValue", "publishedOn"),
                new DemoProject("gcl-mobile", "GCL Mobile Energy project", "GCL Mobile Energy Co., Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", TIEXI_CODE, "new-energy", of(2022, 7, 21), yuan("1500000000"))
                        .source(TIEXI, published).illustrative("investor", "signedOn", "contractValue", "publishedOn"),
                new DemoProject("zf-edrive", "ZF electric drive project", "ZF (Shenyang) Automotive Components Co., Ltd.",
                        "Liaoning", "Shenyang", "Tiexi", TIEXI_CODE, "automobiles", of(2022, 8, 30), yuan("1200000000"))
                        .source(TIEXI, published).illustrative("investor", "signedOn", "contractValue", "publishedOn"));
    }

    /**
     * The article's projects; the companions of its first quarter; its key projects of 2023. Its "wind, water,
     * fire and storage" comprehensive energy base (58.33 billion yuan) is not among them: the article only reports
     * its planned construction, not a signed contract, and a project is in Landfall from its signing.
     */
    static List<DemoProject> shuangyashan() {
        List<DemoProject> list = new ArrayList<>();
        list.add(hlj("fengfan", "Fengfan energy storage equipment manufacturing project", "Fengfan Co., Ltd.", "Jianshan",
                "equipment-manufacturing", of(2023, 1, 18), "1050000000")
                .set("plannedJobs", 300)
                .set("plannedCapacity", Map.of("value", 6000000, "unit", "kW/year"))
                .set("plannedOperationalOn", "2025-12-31")
                .set("expectedAnnualSales", yuan("1500000000"))
                .set("expectedAnnualProfit", yuan("250000000"))
                .set("expectedAnnualTax", yuan("100000000"))
                .illustrative("investor", "district", "signedOn")
                .stage("STARTED", of(2023, 4, 7), "Construction site started")
                .figures(of(2023, 6, 30), yuan("200000000"), 120, "figures illustrative"));
        list.add(hlj("graphite-anode", "100,000-ton natural graphite anode material project", "Shuangyashan Graphite New Materials Co., Ltd.",
                "Lingdong", "new-materials", of(2022, 11, 8), "3000000000")
                .set("park", SHUANGYASHAN_ETDZ)
                .illustrative("investor", "district", "signedOn")
                .stage("STARTED", of(2023, 3, 20), "Construction started (date illustrative)")
                .stage("SUSPENDED", of(2023, 4, 10), "Equipment installation postponed: waiting for the power supply plan (date illustrative)")
                .blocker("power", of(2023, 4, 10), "Equipment installation postponed: waiting for the power supply plan (dates illustrative)",
                        "State Grid Shuangyashan Power Supply Company (illustrative)")
                .resolved(of(2023, 4, 21), "Power supply plan approved; installation unblocked (date illustrative)")
                .stage("STARTED", of(2023, 4, 21), "Power supply plan approved; installation unblocked (date illustrative)")
                .figures(of(2023, 6, 30), yuan("450000000"), 85, "figures illustrative"));
        list.add(hlj("wind-base", "Wind power clean energy manufacturing base (first phase)", "Shuangyashan Wind Power Equipment Co., Ltd.",
                "Baoshan", "energy-power", of(2022, 8, 12), "17700000000")
                .illustrative("investor", "district", "signedOn")
                .stage("STARTED", of(2022, 10, 15), "Construction started (date illustrative)")
                .figures(of(2022, 12, 31), yuan("2100000000"), 260, "figures illustrative")
                .figures(of(2023, 3, 31), yuan("3400000000"), 410, "figures illustrative")
                .stage("OPERATIONAL", of(2023, 4, 18), "The first wind turbine rolled off the line (date illustrative)"));
        list.add(hlj("baoqing-humic", "Baoqing humic acid and montan wax 1,000-ton pilot project", "Baoqing Humic Acid Technology Co., Ltd.",
                "Baoqing County", "chemicals", of(2022, 5, 10), "120000000")
                .illustrative("investor", "signedOn", "contractValue")
                .stage("STARTED", of(2022, 9, 1), "Construction started (date illustrative)")
                .stage("OPERATIONAL", of(2023, 3, 28), "Put into operation (date illustrative)"));
        // connected before the article of 2023-04-24 reported it connected
        list.add(hlj("jianlong-power", "Jianlong 40 MW ultra-high-temperature, ultra-high-pressure power generation project",
                "Jianlong Shuangyashan Iron and Steel Co., Ltd.", "Jianshan", "energy-power", of(2022, 3, 15), "380000000")
                .illustrative("investor", "district", "signedOn", "contractValue")
                .stage("STARTED", of(2022, 6, 1), "Construction started (date illustrative)")
                .stage("OPERATIONAL", of(2023, 4, 12), "Connected to the grid (date illustrative)"));
        list.add(hlj("obesa-park", "Obesa Building Materials Industrial Park", "Obesa Building Materials Co., Ltd.",
                "Youyi County", "new-materials", of(2021, 6, 8), "800000000")
                .illustrative("investor", "district", "signedOn", "contractValue")
                .stage("STARTED", of(2021, 9, 1), "Construction started (date illustrative)")
                .stage("SUSPENDED", of(2022, 7, 15), "Construction stalled (date illustrative)")
                .blocker("other", of(2022, 7, 15), "Construction stalled (the article gives no cause; dates illustrative)",
                        "Youyi County government (illustrative)")
                .resolved(of(2023, 4, 12), "Construction resumed (date illustrative)")
                .stage("STARTED", of(2023, 4, 12), "Construction resumed (date illustrative)"));
        list.add(hlj("lianfeng-complex", "Lianfeng International urban complex", "Lianfeng Real Estate Development Co., Ltd.",
                "Jianshan", "real-estate-urban", of(2020, 10, 20), "1600000000")
                .illustrative("investor", "district", "signedOn", "contractValue")
                .stage("STARTED", of(2021, 4, 1), "Construction started (date illustrative)")
                .stage("SUSPENDED", of(2022, 3, 1), "Construction stalled (date illustrative)")
                .blocker("other", of(2022, 3, 1), "Construction stalled (the article gives no cause; dates illustrative)",
                        "Jianshan District government (illustrative)")
                .resolved(of(2023, 4, 16), "Construction resumed (date illustrative)")
                .stage("STARTED", of(2023, 4, 16), "Construction resumed (date illustrative)"));
        // industrial parks, biomedicine, energy agriculture
        String[] zhongjia = {"other", "biomedicine", "agriculture-food"};
        for (int i = 1; i <= 12; i++) {
            String sector = zhongjia[(i - 1) % 3];
            list.add(hlj("zhongjia-" + i, "Zhongjia Minyuan cooperation project No. " + i, "Zhongjia Minyuan Industrial Group",
                    "Jianshan", sector, of(2023, 4, 13), String.valueOf(300_000_000L + 50_000_000L * i))
                    .illustrative("name", "district", "sector", "contractValue"));
        }
        list.addAll(shuangyashanFirstQuarter(list));
        list.addAll(shuangyashanKeyProjects());
        return list;
    }

    /** Companions: with the article's projects signed then (Fengfan), 86 projects worth exactly 45.6 billion yuan. */
    private static List<DemoProject> shuangyashanFirstQuarter(List<DemoProject> articles) {
        BigDecimal seedsInQ1 = articles.stream()
                .filter(p -> inQuarter(p, 2023, 1))
                .map(p -> (BigDecimal) p.contract.get("contractValue")).reduce(BigDecimal.ZERO, BigDecimal::add);
        long seedCount = articles.stream().filter(p -> inQuarter(p, 2023, 1)).count();
        int n = SHUANGYASHAN_Q1_2023_COUNT - (int) seedCount;
        List<BigDecimal> values = split(SHUANGYASHAN_Q1_2023_VALUE.subtract(seedsInQ1), n, new Random(86));
        List<DemoProject> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate signed = of(2023, 1, 3).plusDays((i * 86L) / n);
            String sector = SECTORS[i % SECTORS.length];
            list.add(hlj("sys-q1-" + (i + 1), "Shuangyashan " + sector.replace('-', ' ') + " project No. " + (i + 1),
                    "Synthetic Investor " + (i + 1) + " Co., Ltd.", SHUANGYASHAN_DISTRICTS[i % SHUANGYASHAN_DISTRICTS.length],
                    sector, signed, values.get(i).toPlainString()).source(SYNTHETIC, signed));
        }
        return list;
    }

    /**
     * Companions for the key construction projects of 2023: 201 with 16.6 billion yuan of annual planned
     * investment, 52 provincial-level with 11.8 billion, 107 started in spring with 5.8 billion. The article says of
     * none of the projects it names that it is a key project, so all 201 are synthetic. They were signed in 2021 and
     * 2022, outside the first quarter of 2023 whose 86 signings they leave alone, and outside Lishui. The 107 start
     * between March and May 2023 (the provincial ones on the day the province started its key projects), with some
     * investment by the end of June; the other 94 are still to start on 2023-06-30: most later in 2023, some late
     * against their planned start, some only preparing (a plan but no start planned for 2023).
     */
    static List<DemoProject> shuangyashanKeyProjects() {
        int provincialStarted = 28;
        BigDecimal provincialStartedPlanned = yuan("3900000000");
        List<DemoProject> list = new ArrayList<>();
        keyProjects(list, PROVINCIAL, true, provincialStarted, provincialStartedPlanned, 1);
        keyProjects(list, PROVINCIAL, false, SHUANGYASHAN_PROVINCIAL_KEY_2023_COUNT - provincialStarted,
                SHUANGYASHAN_PROVINCIAL_KEY_2023_PLANNED.subtract(provincialStartedPlanned), 2);
        int municipal = SHUANGYASHAN_KEY_2023_COUNT - SHUANGYASHAN_PROVINCIAL_KEY_2023_COUNT;
        int municipalStarted = SHUANGYASHAN_KEY_2023_STARTED_COUNT - provincialStarted;
        BigDecimal municipalPlanned = SHUANGYASHAN_KEY_2023_PLANNED.subtract(SHUANGYASHAN_PROVINCIAL_KEY_2023_PLANNED);
        BigDecimal municipalStartedPlanned = SHUANGYASHAN_KEY_2023_STARTED_PLANNED.subtract(provincialStartedPlanned);
        keyProjects(list, MUNICIPAL, true, municipalStarted, municipalStartedPlanned, 3);
        keyProjects(list, MUNICIPAL, false, municipal - municipalStarted, municipalPlanned.subtract(municipalStartedPlanned), 4);
        return list;
    }

    private static void keyProjects(List<DemoProject> list, String designation, boolean started, int n, BigDecimal planned,
                                    long seed) {
        Random random = new Random(2023_0000L + seed);
        List<BigDecimal> plans = split(planned, n, random);
        boolean provincial = designation.equals(PROVINCIAL);
        String level = provincial ? "provincial" : "municipal";
        long before = list.stream().filter(p -> p.contract.get("designations").equals(List.of(designation))).count();
        for (int i = 0; i < n; i++) {
            int number = (int) before + i + 1;
            String sector = SECTORS[(number + (provincial ? 0 : 3)) % SECTORS.length];
            String district = SHUANGYASHAN_DISTRICTS[(number * 3 + (provincial ? 0 : 1)) % SHUANGYASHAN_DISTRICTS.length];
            LocalDate signed = started ? of(2021, 3, 1).plusDays((i * 640L) / n) : of(2022, 2, 1).plusDays((i * 320L) / n);
            BigDecimal plan = plans.get(i);
            BigDecimal value = plan.multiply(BigDecimal.valueOf(2 + i % 4)).setScale(-6, RoundingMode.UP).setScale(0);
            DemoProject p = new DemoProject("key-2023-" + level + "-" + number,
                    "Shuangyashan " + level + " key project No. " + number + " (" + sector.replace('-', ' ') + ")",
                    "Synthetic Key Investor " + (provincial ? "P" : "M") + number + " Co., Ltd.", "Heilongjiang", "Shuangyashan",
                    district, SHUANGYASHAN_CODES.get(district), sector, signed, value)
                    .set("designations", List.of(designation))
                    .source(SYNTHETIC + ", one of Shuangyashan's key construction projects of 2023", signed);
            if (provincial && number % 3 == 0) {
                p.set("park", SHUANGYASHAN_ETDZ);
            } else if (!provincial && district.equals("Raohe County")) {
                p.set("park", RAOHE_PARK);
            }
            if (started) {
                LocalDate start = provincial ? PROVINCIAL_START_DAY : of(2023, 3, 6).plusDays((i * 84L) / n);
                p.set("plannedStartOn", start.withDayOfMonth(1).toString())
                        .plan(2023, plan, true)
                        .stage("STARTED", start, "Construction started")
                        .figures(of(2023, 6, 30), plan.multiply(BigDecimal.valueOf(20 + random.nextInt(26))).movePointLeft(2)
                                .setScale(-4, RoundingMode.DOWN).setScale(0), 10 + random.nextInt(90));
            } else if (i % 8 == 0) {
                p.set("plannedStartOn", "2024-04-01").plan(2023, plan, false); // preparing: land, approvals, design
            } else if (i % 8 == 1) {
                p.set("plannedStartOn", "2023-05-15").plan(2023, plan, true); // late against its plan on 2023-06-30
            } else {
                p.set("plannedStartOn", of(2023, 7, 1).plusDays((i * 120L) / n).toString()).plan(2023, plan, true);
            }
            list.add(p);
        }
    }

    /**
     * The Liaobin Coastal Economic and Technological Development Zone of Panjin (article of the press conference of
     * June 20; the year, 2024, follows from its figures of 2023): "five technology contracts have been signed, and
     * a research and development investment of 110 million yuan has been completed". The article names neither
     * the enterprises nor each contract's share, so the five contracts' names, investors, dates and values are
     * illustrative; their investment completed adds up to the article's total on the day of the press conference.
     * The article's other zones (Shenyang, Dalian Puwan, Chaoyang Jianping) report no project.
     */
    static List<DemoProject> panjin() {
        List<BigDecimal> shares = split(PANJIN_RESEARCH_INVESTMENT, PANJIN_TECHNOLOGY_CONTRACTS, new Random(110));
        LocalDate reported = of(2024, 6, 20);
        List<DemoProject> list = new ArrayList<>();
        for (int i = 0; i < PANJIN_TECHNOLOGY_CONTRACTS; i++) {
            LocalDate signed = of(2023, 7, 10).plusDays(i * 61L);
            list.add(new DemoProject("panjin-tech-" + (i + 1), "Liaobin Coastal zone enterprise-university technology contract No. " + (i + 1),
                    "Liaobin Coastal zone enterprise No. " + (i + 1), "Liaoning", "Panjin", null, "211100", "other", signed,
                    shares.get(i))
                    .set("park", LIAOBIN_ETDZ)
                    .source(PANJIN, reported)
                    .illustrative("name", "investor", "sector", "signedOn", "contractValue")
                    .figures(reported, shares.get(i), null,
                            "Research and development investment completed (the article gives the five contracts' total; each one's share is illustrative)"));
        }
        return list;
    }

    /**
     * The article was written early in 2021 ("the epidemic last year", the statistics bureau's press conference on
     * 2020): FAW Toyota's project "launched last year" started in 2020 and "will be completed and put into production
     * next year", in 2022; it was not in operation when the article was written, so the demo has it under
     * construction, with its planned operation.
     */
    static List<DemoProject> tianjin() {
        LocalDate published = of(2021, 2, 1);
        return List.of(
                new DemoProject("lishen", "Lishen Battery lithium-ion battery smart factory", "Tianjin Lishen Battery Joint-Stock Co., Ltd.",
                        "Tianjin", "Tianjin", "Xiqing", "120111", "new-energy", of(2019, 3, 1), yuan("2500000000"))
                        .set("plannedCapacity", Map.of("value", 300000000, "unit", "Ah/year"))
                        .source(TIANJIN, published)
                        .illustrative("district", "signedOn", "contractValue", "publishedOn")
                        .stage("STARTED", of(2019, 6, 1), "Construction started (date illustrative)")
                        .stage("OPERATIONAL", of(2021, 1, 15), "300 million Ah of square lithium-ion cells a year (date illustrative)"),
                new DemoProject("faw-toyota-ne", "FAW Toyota New Energy Branch", "FAW Toyota Motor Co., Ltd.",
                        "Tianjin", "Tianjin", "Binhai", "120116", "automobiles", of(2019, 11, 20), yuan("8500000000"))
                        .set("plannedCapacity", Map.of("value", 200000, "unit", "vehicles/year"))
                        .set("plannedOperationalOn", "2022-12-31")
                        .set("park", "Sino-Singapore Tianjin Eco-City")
                        .source(TIANJIN, published)
                        .illustrative("signedOn", "contractValue", "plannedOperationalOn", "publishedOn")
                        .stage("STARTED", of(2020, 3, 1), "Construction launched (date illustrative)"));
    }

    /**
     * 51 provincial and municipal major projects of Lishui District: 35 started before 2023 (with their 2022
     * figures), 16 start in the first half of 2023; together they add exactly 9.78 billion yuan of investment in Q1
     * and Q2 2023. The article does not say which are provincial: the demo makes every fourth one so. Three of them
     * hold blockers still open, raised 120, 60 and 40 days before {@code loadedOn}: the watch list's red and yellow
     * (blockers count in no report, so the figures stay the article's).
     */
    static List<DemoProject> lishui(LocalDate loadedOn) {
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
                    "Synthetic Lishui Investor " + (i + 1) + " Co., Ltd.", "Jiangsu", "Nanjing", "Lishui", "320117",
                    sectors[i % sectors.length], signed, value)
                    .set("designations", List.of(i % 4 == 0 ? PROVINCIAL : MUNICIPAL))
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
        list.get(20).blocker("land", loadedOn.minusDays(120), "Land for the second workshop not yet handed over (illustrative)",
                "Lishui District natural resources bureau (illustrative)");
        list.get(21).blocker("power", loadedOn.minusDays(60), "Substation connection waits for the power-supply plan (illustrative)",
                "State Grid Lishui Power Supply Company (illustrative)");
        list.get(22).blocker("financing", loadedOn.minusDays(40), "Second-phase bank loan not yet approved (illustrative)",
                "the investor and its bank (illustrative)");
        return list;
    }

    private static DemoProject hlj(String key, String name, String investor, String district, String sector,
                                   LocalDate signedOn, String value) {
        return new DemoProject(key, name, investor, "Heilongjiang", "Shuangyashan", district,
                SHUANGYASHAN_CODES.get(district), sector, signedOn, yuan(value))
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
