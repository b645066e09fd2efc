package org.landfall.status.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.landfall.events.Stage;
import org.landfall.status.service.WatchList;

/**
 * A project on the watch list: where it is (its names as intake has them, and the GB/T 2260 code of its place), its
 * stage, its level (its worst reason's) and the reasons that hold.
 */
public record WatchItemView(
        UUID projectId,
        String code,
        String name,
        String province,
        String city,
        String district,
        String regionCode,
        Stage stage,
        String level,
        List<ReasonView> reasons) {

    /** One reason: its code, the first day it held, its own level and what it rests on. */
    public record ReasonView(String code, LocalDate since, String level, String detail) {
    }

    /** The item with its reasons' details in {@code language}. */
    public static WatchItemView of(WatchList.Item item, Locale language) {
        var p = item.project();
        return new WatchItemView(p.projectId(), p.code(), p.name(), p.province(), p.city(), p.district(),
                p.regionCode(), p.stage(), p.level().code(), item.reasons().stream().map(r -> new ReasonView(r.window().code().name(),
                        r.window().since(), r.level().code(), r.window().detail().in(language))).toList());
    }
}
