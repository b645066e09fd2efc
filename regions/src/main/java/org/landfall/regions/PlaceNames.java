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

    /** The name given as {@code field}: {@code province}, {@code city} or {@code district}. */
    public String get(String field) {
        return switch (field) {
            case "province" -> province;
            case "city" -> city;
            case "district" -> district;
            default -> throw new IllegalArgumentException("no place field " + field);
        };
    }

    private static String given(String name) {
        return name == null || name.isBlank() ? null : name;
    }
}
