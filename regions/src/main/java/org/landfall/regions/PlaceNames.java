package org.landfall.regions;

/**
 * A place as a contract or a filter names it, in Chinese or pinyin: province, city, district (blank or null where
 * not given). The component names are the fields a caller reports a contradiction on.
 */
public record PlaceNames(String province, String city, String district) {

    public PlaceNames {
        province = given(province);
        city = given(city);
        district = given(district);
    }

    private static String given(String name) {
        return name == null || name.isBlank() ? null : name;
    }
}
