package org.landfall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where synthetic projects are signed: the 31 provincial-level divisions of the mainland, weighted roughly by
 * their economic output so that Guangdong and Jiangsu sign many more projects than Tibet, a few real cities each
 * (the larger first, and more likely), and a few development zones per city; and the sectors of project-intake's
 * list, new energy and manufacturing first. Outside the four municipalities the district names are generic zone
 * names: the report needs the shape (31 provinces, 91 cities, 367 districts), not the real names.
 */
final class Geography {

    record Province(String name, String code, int weight, List<City> cities) {
    }

    record City(String name, List<String> districts) {
    }

    record Place(Province province, City city, String district) {
    }

    private static final String[] ZONES = {"High-tech Zone", "Economic Development Zone", "New Area", "Old Town",
            "Port Zone"};

    static final List<Province> PROVINCES = List.of(
            province("Guangdong", "GD", 136, "Guangzhou", "Shenzhen", "Foshan", "Dongguan", "Huizhou"),
            province("Jiangsu", "JS", 128, "Suzhou", "Nanjing", "Wuxi", "Changzhou", "Nantong"),
            province("Shandong", "SD", 92, "Qingdao", "Jinan", "Yantai", "Weifang"),
            province("Zhejiang", "ZJ", 83, "Hangzhou", "Ningbo", "Wenzhou", "Shaoxing"),
            province("Sichuan", "SC", 60, "Chengdu", "Mianyang", "Yibin", "Deyang"),
            province("Henan", "HA", 59, "Zhengzhou", "Luoyang", "Xinxiang"),
            province("Hubei", "HB", 56, "Wuhan", "Xiangyang", "Yichang"),
            province("Fujian", "FJ", 54, "Quanzhou", "Fuzhou", "Xiamen"),
            province("Hunan", "HN", 50, "Changsha", "Zhuzhou", "Yueyang", "Xiangtan"),
            municipality("Shanghai", "SH", 47, "Pudong", "Minhang", "Jiading", "Songjiang", "Lingang"),
            province("Anhui", "AH", 47, "Hefei", "Wuhu", "Chuzhou"),
            municipality("Beijing", "BJ", 44, "Haidian", "Chaoyang", "Daxing", "Shunyi"),
            province("Hebei", "HE", 44, "Shijiazhuang", "Tangshan", "Baoding"),
            province("Shaanxi", "SN", 34, "Xi'an", "Yulin", "Baoji"),
            province("Jiangxi", "JX", 32, "Nanchang", "Ganzhou", "Yichun"),
            municipality("Chongqing", "CQ", 30, "Yubei", "Liangjiang", "Jiangjin", "Fuling"),
            province("Liaoning", "LN", 30, "Shenyang", "Dalian", "Anshan"),
            province("Yunnan", "YN", 30, "Kunming", "Qujing", "Yuxi"),
            province("Guangxi", "GX", 27, "Nanning", "Liuzhou", "Guilin"),
            province("Shanxi", "SX", 26, "Taiyuan", "Changzhi", "Datong"),
            province("Inner Mongolia", "NM", 25, "Ordos", "Baotou", "Hohhot"),
            province("Guizhou", "GZ", 21, "Guiyang", "Zunyi", "Liupanshui"),
            province("Xinjiang", "XJ", 19, "Urumqi", "Karamay", "Hami"),
            municipality("Tianjin", "TJ", 17, "Binhai", "Xiqing", "Wuqing", "Beichen"),
            province("Heilongjiang", "HL", 16, "Harbin", "Daqing", "Shuangyashan"),
            province("Jilin", "JL", 14, "Changchun", "Jilin", "Siping"),
            province("Gansu", "GS", 12, "Lanzhou", "Jiuquan", "Tianshui"),
            province("Hainan", "HI", 8, "Haikou", "Sanya", "Danzhou"),
            province("Ningxia", "NX", 5, "Yinchuan", "Shizuishan", "Wuzhong"),
            province("Qinghai", "QH", 4, "Xining", "Haixi"),
            province("Tibet", "XZ", 2, "Lhasa", "Shigatse"));

    /** project-intake's sector codes (its Sector enum), with weights: what gets signed most these years. */
    static final String[] SECTORS = {"new-energy", "equipment-manufacturing", "new-materials", "electronics-information",
            "automobiles", "biomedicine", "chemicals", "agriculture-food", "logistics", "energy-power", "tourism-culture",
            "real-estate-urban", "other"};
    private static final int[] SECTOR_WEIGHTS = {18, 14, 11, 11, 8, 7, 6, 6, 5, 5, 4, 3, 2};

    private static final int PROVINCE_WEIGHT = PROVINCES.stream().mapToInt(Province::weight).sum();
    private static final int SECTOR_WEIGHT = java.util.Arrays.stream(SECTOR_WEIGHTS).sum();

    private Geography() {
    }

    /** The province that signs the most, and its largest city: the dashboard's filtered queries look at these. */
    static Province largestProvince() {
        return PROVINCES.get(0);
    }

    static Place place(SplittableRandom random) {
        int pick = random.nextInt(PROVINCE_WEIGHT);
        Province province = PROVINCES.get(PROVINCES.size() - 1);
        for (Province p : PROVINCES) {
            if ((pick -= p.weight()) < 0) {
                province = p;
                break;
            }
        }
        // the i-th city weighs n - i: the first city of a province signs the most
        int n = province.cities().size();
        int cityPick = random.nextInt(n * (n + 1) / 2);
        int i = 0;
        while ((cityPick -= n - i) >= 0) {
            i++;
        }
        City city = province.cities().get(i);
        return new Place(province, city, city.districts().get(random.nextInt(city.districts().size())));
    }

    static String sector(SplittableRandom random) {
        int pick = random.nextInt(SECTOR_WEIGHT);
        for (int i = 0; i < SECTORS.length; i++) {
            if ((pick -= SECTOR_WEIGHTS[i]) < 0) {
                return SECTORS[i];
            }
        }
        throw new AssertionError();
    }

    private static Province province(String name, String code, int weight, String... cities) {
        List<City> list = new ArrayList<>();
        for (int i = 0; i < cities.length; i++) {
            // three to five zones, the same for a city from run to run
            list.add(new City(cities[i], List.of(ZONES).subList(0, 3 + (cities[i].length() + i) % 3)));
        }
        return new Province(name, code, weight, List.copyOf(list));
    }

    /** A municipality is its own single city, whose districts are real. */
    private static Province municipality(String name, String code, int weight, String... districts) {
        return new Province(name, code, weight, List.of(new City(name, List.of(districts))));
    }
}
