package org.landfall.demo;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.regions.Resolution;

/** The demo data says what the seed articles say, and says what it made up, before any service sees it. */
class SeedProjectsTest {

    private static final String ILLUSTRATIVE = "; illustrative: ";

    /**
     * What the articles say of each of their projects (shared/seeds/), field by contract field; a key ending in
     * "-" stands for every project whose key starts with it. Every other field of such a project is made up and
     * must be named as illustrative.
     */
    private static final Map<String, Map<String, Object>> FACTS = Map.ofEntries(
            entry("yiwei", Map.of("name", "Yiwei Lithium Energy Storage and Power Battery Project",
                    "investor", "Huizhou Yiwei Lithium Energy Co., Ltd.", "province", "Liaoning", "city", "Shenyang",
                    "district", "Tiexi", "sector", "new-energy", "signedOn", "2022-09-27", "contractValue", yuan("10000000000"),
                    "plannedCapacity", Map.of("value", 40, "unit", "GWh"),
                    "phases", List.of(Map.of("number", 1, "investment", yuan("5000000000"), "capacity", Map.of("value", 20, "unit", "GWh"))))),
            entry("bmw-edrive", tiexi("BMW new-generation electric drive assembly project", "automobiles")),
            entry("gcl-mobile", tiexi("GCL Mobile Energy project", "new-energy")),
            entry("zf-edrive", tiexi("ZF electric drive project", "automobiles")),
            entry("fengfan", Map.ofEntries(entry("name", "Fengfan energy storage equipment manufacturing project"),
                    entry("province", "Heilongjiang"), entry("city", "Shuangyashan"), entry("sector", "equipment-manufacturing"),
                    entry("contractValue", yuan("1050000000")), entry("plannedJobs", 300),
                    entry("plannedCapacity", Map.of("value", 6000000, "unit", "kW/year")),
                    entry("plannedOperationalOn", "2025-12-31"), entry("expectedAnnualSales", yuan("1500000000")),
                    entry("expectedAnnualProfit", yuan("250000000")), entry("expectedAnnualTax", yuan("100000000")),
                    entry("publishedOn", "2023-04-24"))),
            entry("graphite-anode", shuangyashan("100,000-ton natural graphite anode material project", "new-materials",
                    "contractValue", yuan("3000000000"), "park", "Shuangyashan Economic and Technological Development Zone")),
            entry("wind-base", shuangyashan("Wind power clean energy manufacturing base (first phase)", "energy-power",
                    "contractValue", yuan("17700000000"))),
            entry("baoqing-humic", shuangyashan("Baoqing humic acid and montan wax 1,000-ton pilot project", "chemicals",
                    "district", "Baoqing County")),
            entry("jianlong-power", shuangyashan("Jianlong 40 MW ultra-high-temperature, ultra-high-pressure power generation project",
                    "energy-power")),
            entry("obesa-park", shuangyashan("Obesa Building Materials Industrial Park", "new-materials")),
            entry("lianfeng-complex", shuangyashan("Lianfeng International urban complex", "real-estate-urban")),
            entry("zhongjia-", Map.of("investor", "Zhongjia Minyuan Industrial Group", "province", "Heilongjiang",
                    "city", "Shuangyashan", "signedOn", "2023-04-13", "publishedOn", "2023-04-24")),
            entry("panjin-tech-", Map.of("province", "Liaoning", "city", "Panjin",
                    "park", "Liaobin Coastal Economic and Technological Development Zone", "publishedOn", "2024-06-20")),
            entry("lishen", Map.of("name", "Lishen Battery lithium-ion battery smart factory",
                    "investor", "Tianjin Lishen Battery Joint-Stock Co., Ltd.", "province", "Tianjin", "city", "Tianjin",
                    "sector", "new-energy", "plannedCapacity", Map.of("value", 300000000, "unit", "Ah/year"))),
            entry("faw-toyota-ne", Map.of("name", "FAW Toyota New Energy Branch", "investor", "FAW Toyota Motor Co., Ltd.",
                    "province", "Tianjin", "city", "Tianjin", "district", "Binhai", "sector", "automobiles",
                    "plannedCapacity", Map.of("value", 200000, "unit", "vehicles/year"), "park", "Sino-Singapore Tianjin Eco-City")));

    /** The updates whose date an article gives: the only ones whose note need not call them illustrative. */
    private static final Map<String, List<String>> DATED_BY_THE_ARTICLES = Map.of("fengfan", List.of("STARTED 2023-04-07"));

    private static final LocalDate LOADED_ON = LocalDate.of(2026, 11, 29);
    private final List<DemoProject> seeds = SeedProjects.all(LOADED_ON);

    @Test
    void shouldSignExactlyTheShuangyashanFirstQuarterOf2023() {
        List<DemoProject> q1 = shuangyashan().filter(p -> signedOn(p).getYear() == 2023 && signedOn(p).getMonthValue() <= 3).toList();
        assertEquals(86, q1.size());
        assertEquals(0, new BigDecimal("45600000000").compareTo(sum(q1.stream().map(p -> (BigDecimal) p.contract.get("contractValue")))));
    }

    @Test
    void shouldPlan201KeyProjectsWith16point6BillionInShuangyashanIn2023() {
        List<DemoProject> key = planned2023(Set.of("provincial-key", "municipal-key"));
        assertEquals(201, key.size());
        assertEquals(0, new BigDecimal("16600000000").compareTo(plannedInvestment(key)), plannedInvestment(key).toPlainString());
    }

    @Test
    void shouldPlan52ProvincialKeyProjectsWith11point8BillionInShuangyashanIn2023() {
        List<DemoProject> provincial = planned2023(Set.of("provincial-key"));
        assertEquals(52, provincial.size());
        assertEquals(0, new BigDecimal("11800000000").compareTo(plannedInvestment(provincial)));
    }

    @Test
    void shouldHave107OfTheKeyProjectsUnderConstructionAtTheEndOfJune2023With5point8BillionPlanned() {
        List<DemoProject> started = planned2023(Set.of("provincial-key", "municipal-key")).stream()
                .filter(p -> Set.of("STARTED", "OPERATIONAL").contains(stageOn(p, "2023-06-30"))).toList();
        assertEquals(107, started.size());
        assertEquals(0, new BigDecimal("5800000000").compareTo(plannedInvestment(started)));
        // started in spring, as the article says, and each with a start planned for the year
        for (DemoProject p : started) {
            LocalDate start = firstStart(p);
            assertTrue(start.isAfter(LocalDate.of(2023, 2, 28)) && start.isBefore(LocalDate.of(2023, 6, 1)), p.key + " " + start);
            assertEquals(true, p.plans.get(2023).get("startPlanned"), p.key);
        }
    }

    @Test
    void shouldPlanNoMoreForAYearThanTheContractIsWorth() {
        for (DemoProject p : seeds) {
            p.plans.values().forEach(plan -> {
                BigDecimal planned = (BigDecimal) plan.get("plannedInvestment");
                assertTrue(planned.signum() > 0 && planned.compareTo((BigDecimal) p.contract.get("contractValue")) <= 0, p.key);
            });
        }
    }

    @Test
    void shouldGiveLishuiSixteenStartsAndNineBillionSevenHundredEightyMillionInTheFirstHalfOf2023() {
        List<DemoProject> lishui = seeds.stream().filter(p -> "Lishui".equals(p.contract.get("district"))).toList();
        assertEquals(51, lishui.size());
        long starts = lishui.stream().filter(p -> p.updates.stream().anyMatch(u -> "STARTED".equals(u.get("stage"))
                && inFirstHalf2023(u))).count();
        assertEquals(16, starts);
        BigDecimal invested = sum(lishui.stream().map(p -> cumulative(p, "2023-06-30").subtract(cumulative(p, "2022-12-31"))));
        assertEquals(0, new BigDecimal("9780000000").compareTo(invested), invested.toPlainString());
        // "51 provincial and municipal major projects"
        assertTrue(lishui.stream().allMatch(p -> Set.of(List.of("provincial-key"), List.of("municipal-key"))
                .contains(p.contract.get("designations"))));
    }

    @Test
    void shouldSignPanjinsFiveTechnologyContractsWith110MillionOfResearchInvestmentCompleted() {
        List<DemoProject> panjin = seeds.stream().filter(p -> "Panjin".equals(p.contract.get("city"))).toList();
        assertEquals(5, panjin.size());
        assertEquals(0, new BigDecimal("110000000").compareTo(sum(panjin.stream().map(p -> cumulative(p, "2024-06-20")))));
    }

    @Test
    void shouldNotSignTheEnergyBaseThatTheShuangyashanArticleOnlyPlans() {
        assertTrue(seeds.stream().noneMatch(p -> ((String) p.contract.get("name")).contains("wind, water, fire and storage")
                || new BigDecimal("58330000000").compareTo((BigDecimal) p.contract.get("contractValue")) == 0));
    }

    @Test
    void shouldNotPutIntoOperationWhatTheTianjinArticleOnlyPlans() {
        DemoProject faw = seed("faw-toyota-ne");
        assertEquals("STARTED", stageOn(faw, "2099-12-31"));
        assertEquals("2022-12-31", faw.contract.get("plannedOperationalOn"));
    }

    @Test
    void shouldDateEveryStageChangeOfAnArticlesProjectOnOrBeforeTheArticleThatReportsIt() {
        articles().forEach(p -> p.updates.stream().filter(u -> u.containsKey("stage")).forEach(u ->
                assertFalse(LocalDate.parse((String) u.get("effectiveOn")).isAfter(publishedOn(p)), p.key + " " + u)));
    }

    @Test
    void shouldGiveTheArticlesFactsAndNameEveryOtherFieldOfTheirProjectsAsIllustrative() {
        List<DemoProject> articles = articles().toList();
        assertEquals(FACTS.size() + 11 + 4, articles.size()); // the Zhongjia and Panjin entries stand for 12 and 5
        for (DemoProject p : articles) {
            Map<String, Object> facts = facts(p);
            Map<String, Object> fields = new LinkedHashMap<>(p.contract);
            fields.remove("source");
            fields.remove("regionCode"); // the code of the place, fact or not (shouldGiveEveryPlaceTheCodeOfItsNames)
            fields.put("publishedOn", source(p).get("publishedOn"));
            facts.forEach((field, value) -> assertTrue(same(value, fields.get(field)), p.key + " " + field + ": " + fields.get(field)));
            Set<String> madeUp = new TreeSet<>(fields.keySet());
            madeUp.removeAll(facts.keySet());
            assertEquals(madeUp, illustrative(p), p.key);
        }
    }

    @Test
    void shouldCallIllustrativeEveryUpdateOfAnArticlesProjectThatTheArticleDoesNotDate() {
        articles().forEach(p -> {
            List<String> dated = DATED_BY_THE_ARTICLES.getOrDefault(p.key, List.of());
            p.updates.forEach(u -> assertTrue(dated.contains(u.get("stage") + " " + u.get("effectiveOn"))
                    || String.valueOf(u.get("note")).contains("illustrative"), p.key + " " + u));
        });
        DATED_BY_THE_ARTICLES.forEach((key, updates) -> updates.forEach(u -> assertTrue(seed(key).updates.stream()
                .anyMatch(x -> u.equals(x.get("stage") + " " + x.get("effectiveOn"))), key + " " + u)));
    }

    @Test
    void shouldLabelEveryOtherProjectAsASyntheticCompanionDownToItsInvestor() {
        seeds.stream().filter(p -> !article(p)).forEach(p -> {
            assertTrue(((String) source(p).get("title")).contains(SeedProjects.SYNTHETIC), p.key);
            assertTrue(((String) p.contract.get("investor")).startsWith("Synthetic "), p.key);
        });
        // every project with a plan is one: the articles tell no plan of a project they name
        seeds.stream().filter(p -> !p.plans.isEmpty()).forEach(p -> assertFalse(article(p), p.key));
    }

    @Test
    void shouldSetShuangyashansTargetsFor2023WithEveryFigure() {
        List<DemoTarget> targets = SeedProjects.targets();
        assertEquals(1, targets.size());
        DemoTarget t = targets.get(0);
        assertEquals(Map.of("province", "Heilongjiang", "city", "Shuangyashan", "signedCount", 300L,
                "signedValue", new BigDecimal("150000000000"), "starts", 180L, "investmentCompleted", new BigDecimal("20000000000"),
                "jobsCreated", 15000L), t.body());
        assertEquals("?province=Heilongjiang&city=Shuangyashan", t.query());
        assertTrue(t.held().containsKey("district") && t.held().get("district") == null);
    }

    @Test
    void shouldSign98AndStart109ProjectsInShuangyashanInTheFirstHalfOf2023() {
        // what the targets are measured against in the 2023-Q2 row: a resumption after a suspension is no new start
        assertEquals(98, shuangyashan().filter(p -> signedOn(p).getYear() == 2023 && signedOn(p).getMonthValue() <= 6).count());
        assertEquals(109, shuangyashan().filter(p -> p.updates.stream().anyMatch(u -> "STARTED".equals(u.get("stage"))))
                .filter(p -> firstStart(p).getYear() == 2023 && firstStart(p).getMonthValue() <= 6).count());
    }

    @Test
    void shouldDateEveryUpdateOnOrAfterItsSigningAndInOrder() {
        for (DemoProject p : seeds) {
            LocalDate previousStage = signedOn(p);
            for (Map<String, Object> u : p.updates) {
                LocalDate on = LocalDate.parse((String) u.get("effectiveOn"));
                assertFalse(on.isBefore(signedOn(p)), p.key);
                if (u.containsKey("stage")) {
                    assertFalse(on.isBefore(previousStage), p.key);
                    previousStage = on;
                }
            }
            Object plannedStart = p.contract.get("plannedStartOn");
            assertTrue(plannedStart == null || !LocalDate.parse((String) plannedStart).isBefore(signedOn(p)), p.key);
        }
    }

    @Test
    void shouldKeepGeneratedProjectsWithinTheContractRules() {
        for (DemoProject p : SyntheticProjects.generate(500, 7, LocalDate.now())) {
            assertTrue(((BigDecimal) p.contract.get("contractValue")).signum() > 0);
            assertFalse(signedOn(p).isAfter(LocalDate.now()));
            for (Map<String, Object> u : p.updates) {
                assertFalse(LocalDate.parse((String) u.get("effectiveOn")).isAfter(LocalDate.now()), p.key);
            }
        }
    }

    @Test
    void shouldGiveEveryPlaceTheCodeOfItsNames() {
        Regions regions = Regions.gbt2260();
        Stream.concat(seeds.stream(), SyntheticProjects.generate(300, 3, LocalDate.now()).stream()).forEach(p -> {
            String code = (String) p.contract.get("regionCode");
            Region region = regions.find(code).orElseThrow(() -> new AssertionError(p.key + ": no region " + code));
            PlaceNames names = new PlaceNames((String) p.contract.get("province"), (String) p.contract.get("city"),
                    (String) p.contract.get("district"));
            Resolution resolution = regions.resolve(names);
            if (resolution instanceof Resolution.NoMatch && names.district() != null) {
                // a district the catalogue does not know (a development zone) is in its city's code
                assertTrue(regions.resolve(new PlaceNames(null, null, names.district())) instanceof Resolution.NoMatch, p.key);
                resolution = regions.resolve(new PlaceNames(names.province(), names.city(), null));
            }
            assertEquals(new Resolution.Resolved(region), resolution, p.key);
        });
        assertEquals("230523", seed("baoqing-humic").contract.get("regionCode"));
        assertEquals("210106", seed("yiwei").contract.get("regionCode"));
        assertEquals("320117", seed("lishui-1").contract.get("regionCode"));
    }

    @Test
    void shouldRaiseAndResolveTheGraphiteAnodeProjectsPowerSupplyBlockerWithItsSuspension() {
        DemoProject graphite = seed("graphite-anode");
        assertEquals(1, graphite.blockers.size());
        DemoBlocker power = graphite.blockers.get(0);
        assertEquals("power", power.kind());
        assertEquals(LocalDate.of(2023, 4, 10), power.raisedOn());
        assertEquals(LocalDate.of(2023, 4, 21), power.resolvedOn());
        // raised the day installation was suspended, resolved the day it resumed
        assertTrue(graphite.updates.stream().anyMatch(u -> "SUSPENDED".equals(u.get("stage")) && "2023-04-10".equals(u.get("effectiveOn"))));
        assertTrue(graphite.updates.stream().anyMatch(u -> "STARTED".equals(u.get("stage")) && "2023-04-21".equals(u.get("effectiveOn"))));
        for (String key : List.of("obesa-park", "lianfeng-complex")) {
            DemoBlocker stall = seed(key).blockers.get(0);
            assertTrue(seed(key).updates.stream().anyMatch(u -> "SUSPENDED".equals(u.get("stage"))
                    && stall.raisedOn().toString().equals(u.get("effectiveOn"))), key);
            assertTrue(seed(key).updates.stream().anyMatch(u -> "STARTED".equals(u.get("stage"))
                    && stall.resolvedOn().toString().equals(u.get("effectiveOn"))), key);
        }
    }

    @Test
    void shouldLeaveThreeBlockersOfLishuiOpenOneRedAndTwoYellowOnTheDayOfTheLoad() {
        List<DemoBlocker> open = seeds.stream().flatMap(p -> p.blockers.stream()).filter(b -> b.resolvedOn() == null).toList();
        assertEquals(List.of(LOADED_ON.minusDays(120), LOADED_ON.minusDays(60), LOADED_ON.minusDays(40)),
                open.stream().map(DemoBlocker::raisedOn).toList());
        assertTrue(seeds.stream().filter(p -> p.blockers.stream().anyMatch(b -> b.resolvedOn() == null))
                .allMatch(p -> "Lishui".equals(p.contract.get("district")) && !article(p)));
    }

    @Test
    void shouldSayEveryBlockerIsIllustrativeAndDateItWithinItsProjectsLife() {
        for (DemoProject p : seeds) {
            for (DemoBlocker b : p.blockers) {
                assertTrue(b.description().contains("illustrative") && b.owner().contains("illustrative"), p.key);
                assertTrue(b.resolvedOn() == null || b.note().contains("illustrative"), p.key);
                assertFalse(b.raisedOn().isBefore(signedOn(p)), p.key);
                assertTrue(b.resolvedOn() == null || !b.resolvedOn().isBefore(b.raisedOn()), p.key);
            }
        }
    }

    @Test
    void shouldSignEachContractUnderAKeyOfItsProjectAndContent() {
        DemoProject yiwei = seed("yiwei");
        assertEquals(yiwei.signingKey("{\"a\": 1}"), yiwei.signingKey("{\"a\": 1}"));
        assertTrue(yiwei.signingKey("{\"a\": 1}").startsWith("demo-yiwei-"));
        assertFalse(yiwei.signingKey("{\"a\": 1}").equals(yiwei.signingKey("{\"a\": 2}")));
    }

    private Stream<DemoProject> shuangyashan() {
        return seeds.stream().filter(p -> "Shuangyashan".equals(p.contract.get("city")));
    }

    /** The Shuangyashan projects with a plan for 2023 and any of {@code designations}. */
    private List<DemoProject> planned2023(Set<String> designations) {
        return shuangyashan().filter(p -> p.plans.containsKey(2023))
                .filter(p -> designations(p).stream().anyMatch(designations::contains)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> designations(DemoProject p) {
        return (List<String>) p.contract.getOrDefault("designations", List.of());
    }

    private static BigDecimal plannedInvestment(List<DemoProject> projects) {
        return sum(projects.stream().map(p -> (BigDecimal) p.plans.get(2023).get("plannedInvestment")));
    }

    private static BigDecimal sum(Stream<BigDecimal> amounts) {
        return amounts.reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The stage at the end of {@code day}: the last stage change dated on or before it. */
    private static String stageOn(DemoProject p, String day) {
        return p.updates.stream().filter(u -> u.containsKey("stage") && ((String) u.get("effectiveOn")).compareTo(day) <= 0)
                .reduce((a, b) -> b).map(u -> (String) u.get("stage")).orElse("SIGNED");
    }

    private static LocalDate firstStart(DemoProject p) {
        return p.updates.stream().filter(u -> "STARTED".equals(u.get("stage"))).findFirst()
                .map(u -> LocalDate.parse((String) u.get("effectiveOn"))).orElseThrow();
    }

    private Stream<DemoProject> articles() {
        return seeds.stream().filter(SeedProjectsTest::article);
    }

    private DemoProject seed(String key) {
        return seeds.stream().filter(p -> p.key.equals(key)).findFirst().orElseThrow();
    }

    /** A project of an article (not a synthetic companion): one whose key the facts know. */
    private static boolean article(DemoProject p) {
        return FACTS.keySet().stream().anyMatch(k -> k.endsWith("-") ? p.key.startsWith(k) : p.key.equals(k));
    }

    private static Map<String, Object> facts(DemoProject p) {
        return FACTS.entrySet().stream().filter(e -> e.getKey().endsWith("-") ? p.key.startsWith(e.getKey()) : p.key.equals(e.getKey()))
                .findFirst().orElseThrow().getValue();
    }

    /** The fields the project's source title names as illustrative. */
    private static Set<String> illustrative(DemoProject p) {
        String title = (String) source(p).get("title");
        int at = title.indexOf(ILLUSTRATIVE);
        return at < 0 ? Set.of() : new HashSet<>(Arrays.asList(title.substring(at + ILLUSTRATIVE.length()).split(", ")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(DemoProject p) {
        return (Map<String, Object>) p.contract.get("source");
    }

    private static LocalDate publishedOn(DemoProject p) {
        return LocalDate.parse((String) source(p).get("publishedOn"));
    }

    private static boolean same(Object want, Object got) {
        return want instanceof BigDecimal w && got instanceof BigDecimal g ? w.compareTo(g) == 0 : want.equals(got);
    }

    private static Map<String, Object> tiexi(String name, String sector) {
        return Map.of("name", name, "province", "Liaoning", "city", "Shenyang", "district", "Tiexi", "sector", sector);
    }

    /** The Shuangyashan article's facts of a project: its name, sector and place, and {@code more} (field, value, ...). */
    private static Map<String, Object> shuangyashan(String name, String sector, Object... more) {
        Map<String, Object> facts = new HashMap<>(Map.of("name", name, "province", "Heilongjiang", "city", "Shuangyashan",
                "sector", sector, "publishedOn", "2023-04-24"));
        for (int i = 0; i < more.length; i += 2) {
            facts.put((String) more[i], more[i + 1]);
        }
        return facts;
    }

    private static BigDecimal yuan(String value) {
        return new BigDecimal(value);
    }

    private static LocalDate signedOn(DemoProject p) {
        return LocalDate.parse((String) p.contract.get("signedOn"));
    }

    private static boolean inFirstHalf2023(Map<String, Object> u) {
        LocalDate d = LocalDate.parse((String) u.get("effectiveOn"));
        return d.getYear() == 2023 && d.getMonthValue() <= 6;
    }

    /** The cumulative investment at the end of a day: the latest figure dated on or before it. */
    private static BigDecimal cumulative(DemoProject p, String day) {
        return p.updates.stream().filter(u -> u.containsKey("investmentCompleted"))
                .filter(u -> ((String) u.get("effectiveOn")).compareTo(day) <= 0)
                .reduce((a, b) -> b).map(u -> (BigDecimal) u.get("investmentCompleted")).orElse(BigDecimal.ZERO);
    }
}
