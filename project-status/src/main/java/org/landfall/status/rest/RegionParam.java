package org.landfall.status.rest;

import org.landfall.platform.rest.Params;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.status.domain.StatusText;

/** The {@code regionCode} of a search: a place of the GB/T 2260 catalogue, which selects it and all inside it. */
final class RegionParam {

    private RegionParam() {
    }

    /** The region of the code, or null when none is given; a malformed or unknown code is a 400 naming it. */
    static Region of(String value) {
        String code = Params.text("regionCode", value);
        if (code == null) {
            return null;
        }
        if (!Regions.isCode(code)) {
            throw Params.malformed("regionCode", StatusText.REGION_CODE_FORMAT.with());
        }
        return Regions.gbt2260().find(code)
                .orElseThrow(() -> Params.malformed("regionCode", StatusText.REGION_CODE_UNKNOWN.with()));
    }
}
