package org.landfall.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic synthetic projects for trying the dashboard with years of data and for benchmarks: signings spread
 * over the last five years across provinces and sectors, and lifecycles that follow the state machine (most
 * start, some go operational, a few stall, resume or are cancelled) with growing cumulative figures.
 */
final class SyntheticProjects {

    /**
     * Province, city, district and the GB/T 2260 code of the finest of them: Huizhou's Zhongkai is a development
     * zone, which has no code of its own, so its projects carry Huizhou's.
     */
    private static final String[][] PLACES = {
            {"Liaoning", "Shenyang", "Tiexi", "210106"}, {"Liaoning", "Dalian", "Jinzhou", "210213"},
            {"Heilongjiang", "Shuangyashan", "Jianshan", "230502"}, {"Heilongjiang", "Harbin", "Songbei", "230109"},
            {"Jiangsu", "Nanjing", "Lishui", "320117"}, {"Jiangsu", "Suzhou", "Wujiang", "320509"},
            {"Tianjin", "Tianjin", "Binhai", "120116"}, {"Guangdong", "Huizhou", "Zhongkai", "441300"},
            {"Sichuan", "Chengdu", "Pidu", "510117"}, {"Zhejiang", "Ningbo", "Beilun", "330206"}};
    private static final String[] SECTORS = {"new-energy", "new-materials", "equipment-manufacturing", "automobiles",
            "biomedicine", "electronics-information", "chemicals", "agriculture-food", "logistics", "tourism-culture",
            "real-estate-urban", "energy-power", "other"};

    private SyntheticProjects() {
    }

    /**
     * The dates are counted back from {@code today}, which is part of each project's key: the same command on the
     * same day asks for the same projects (a second run completes a first that failed), on another day for more.
     */
    static List<DemoProject> generate(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        List<DemoProject> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            String sector = SECTORS[random.nextInt(SECTORS.length)];
            LocalDate signed = today.minusDays(30 + random.nextInt(5 * 365));
            BigDecimal value = BigDecimal.valueOf(50 + random.nextInt(5000)).multiply(BigDecimal.valueOf(1_000_000));
            DemoProject p = new DemoProject("gen-" + today + "-" + seed + "-" + i, place[1] + " " + sector.replace('-', ' ') + " project "
                    + seed + "-" + i, "Generated Investor " + (i % 997) + " Co., Ltd.", place[0], place[1], place[2], place[3],
                    sector, signed, value).set("plannedJobs", 20 + random.nextInt(800));
            lifecycle(p, signed, today, value, random);
            list.add(p);
        }
        return list;
    }

    private static void lifecycle(DemoProject p, LocalDate signed, LocalDate today, BigDecimal value, Random random) {
        if (random.nextInt(10) == 0) {
            p.stage("CANCELLED", between(signed, today, random), "Investor withdrew");
            return;
        }
        if (random.nextInt(5) == 0) {
            return; // still only signed
        }
        LocalDate started = between(signed, today, random);
        p.stage("STARTED", started, null);
        LocalDate last = started;
        BigDecimal invested = BigDecimal.ZERO;
        int jobs = 0;
        boolean suspended = false;
        while (last.plusDays(120).isBefore(today) && random.nextInt(6) != 0) {
            last = last.plusDays(30 + random.nextInt(90));
            if (!suspended && random.nextInt(12) == 0) {
                p.stage("SUSPENDED", last, "Works paused");
                suspended = true;
                continue;
            }
            if (suspended) {
                p.stage("STARTED", last, "Works resumed");
                suspended = false;
            }
            invested = invested.add(value.multiply(BigDecimal.valueOf(random.nextInt(15) + 1)).movePointLeft(2)
                    .setScale(0, RoundingMode.DOWN));
            jobs += random.nextInt(60);
            p.figures(last, invested, jobs);
        }
        if (!suspended && last.plusDays(30).isBefore(today) && random.nextInt(3) == 0) {
            p.stage("OPERATIONAL", between(last, today, random), "Put into production");
        }
    }

    private static LocalDate between(LocalDate from, LocalDate to, Random random) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(1 + random.nextLong(days - 1 > 0 ? days - 1 : 1));
    }
}
