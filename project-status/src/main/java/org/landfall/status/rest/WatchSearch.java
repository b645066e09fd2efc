package org.landfall.status.rest;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.ReasonCode;
import org.landfall.status.repository.WatchFilter;

/** The query of {@code GET /api/watchlist}, read by hand so that a bad value gets a problem naming it. */
public record WatchSearch(
        @QueryParam("province") String province,
        @QueryParam("city") String city,
        @QueryParam("district") String district,
        @QueryParam("regionCode") @Parameter(description = "A GB/T 2260 code: that place and every place inside it") String regionCode,
        @QueryParam("sector") String sector,
        @QueryParam("designation") @Parameter(description = "Any of these key-project lists, comma-separated") String designation,
        @QueryParam("reason") @Parameter(description = "Any of these reasons, comma-separated") String reason,
        @QueryParam("level") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"red", "yellow"})) String level,
        @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
        @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) String size) {

    WatchFilter filter(Jurisdiction within) {
        List<ReasonCode> reasons = Params.codes("reason", reason).stream()
                .map(code -> Params.choice("reason", code, ReasonCode.class)).distinct().toList();
        PlaceNames names = new PlaceNames(Params.text("province", province), Params.text("city", city),
                Params.text("district", district));
        return new WatchFilter(names.province(), names.city(), names.district(),
                Regions.gbt2260().named(names).orElse(null), Optional.ofNullable(Params.region("regionCode", regionCode)).map(Region::code).orElse(null),
                Params.text("sector", sector), Params.codes("designation", designation), reasons,
                Params.choice("level", level, Level.class), within);
    }

    Params.Paging paging() {
        return Params.paging(page, size);
    }
}
