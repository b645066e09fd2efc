package org.landfall.platform.security;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.problem.Text;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

/**
 * Where a person may work: the GB/T 2260 code of the token's {@code jurisdiction} claim, or the whole country
 * ({@code 000000} or no claim; an admin's, whatever the claim says). Codes nest by their digits: 230000 holds
 * 230500, which holds 230523. A project whose place has no code (names outside the catalogue) lies in no region,
 * so only the whole country holds it.
 */
public final class Jurisdiction {

    /** The claim of the access tokens that names the jurisdiction. */
    public static final String CLAIM = "jurisdiction";
    /** The claim's value for the whole country. */
    public static final String WHOLE_COUNTRY_CODE = "000000";
    public static final Jurisdiction WHOLE_COUNTRY = new Jurisdiction(null);

    /** Null for the whole country. */
    private final String code;

    private Jurisdiction(String code) {
        this.code = code;
    }

    /** The jurisdiction of a region's code; {@code 000000} is the whole country. */
    public static Jurisdiction of(String code) {
        if (!Regions.isCode(code)) {
            throw new IllegalArgumentException("a jurisdiction is six digits (000000: the whole country): " + code);
        }
        return WHOLE_COUNTRY_CODE.equals(code) ? WHOLE_COUNTRY : new Jurisdiction(code);
    }

    /** The caller's: an admin's is the whole country, anyone else's the claim's (absent: the whole country). */
    public static Jurisdiction of(JsonWebToken caller) {
        if (caller.getGroups() != null && caller.getGroups().contains(Roles.ADMIN)) {
            return WHOLE_COUNTRY;
        }
        return claimed(caller).map(Jurisdiction::of).orElse(WHOLE_COUNTRY);
    }

    /**
     * The token's claim as it reads, if it has one; a claim that is no code makes the token no credential here
     * ({@link VerifiedTokens} refuses it), rather than one that opens everything or nothing by accident.
     */
    static Optional<String> claimed(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String text = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
        if (!Regions.isCode(text)) {
            throw new IllegalArgumentException("the jurisdiction claim is not a GB/T 2260 code (six digits): "
                    + Text.excerpt(text));
        }
        return Optional.of(text);
    }

    public boolean isWholeCountry() {
        return code == null;
    }

    /** The code, {@code 000000} for the whole country. */
    public String code() {
        return code == null ? WHOLE_COUNTRY_CODE : code;
    }

    /**
     * The digits that begin the code of every region inside, for a filter ({@code region_code LIKE prefix || '%'});
     * empty for the whole country, which also holds the projects without a code.
     */
    public Optional<String> codePrefix() {
        return code == null ? Optional.empty() : Optional.of(Region.codePrefix(code));
    }

    /** Whether a project of this region code (null: a place without one) lies inside. */
    public boolean holds(String regionCode) {
        return code == null || regionCode != null && regionCode.startsWith(codePrefix().orElseThrow());
    }

    /** Whether the whole of an area (a region's code; null: the whole country) lies inside. */
    public boolean holdsArea(String areaCode) {
        return code == null || areaCode != null && !WHOLE_COUNTRY_CODE.equals(areaCode) && holds(areaCode);
    }

    /**
     * Why a write to a project of this region code is refused here, if it is: where the project lies and the
     * caller's jurisdiction (for a line of a file, say).
     */
    public Optional<Text> refusal(String regionCode) {
        if (holds(regionCode)) {
            return Optional.empty();
        }
        return Optional.of(regionCode == null ? ProblemText.OUTSIDE_JURISDICTION_NO_CODE.with(describe())
                : ProblemText.OUTSIDE_JURISDICTION.with(describe(regionCode), describe()));
    }

    /** Refuses (403) a write to a project of this region code outside the jurisdiction ({@link #refusal}). */
    public void requireProject(String regionCode) {
        refusal(regionCode).ifPresent(refused -> {
            throw ProblemException.of(403, refused).with("jurisdiction", code())
                    .with("requiredJurisdiction", regionCode == null ? WHOLE_COUNTRY_CODE : regionCode);
        });
    }

    /** Refuses (403) a read of an area (null: the whole country) not wholly inside, naming both. */
    public void requireArea(String areaCode) {
        if (!holdsArea(areaCode)) {
            throw ProblemException.of(403, ProblemText.AREA_OUTSIDE_JURISDICTION.with(
                    areaCode == null ? describe(WHOLE_COUNTRY_CODE) : describe(areaCode), describe()))
                    .with("jurisdiction", code()).with("requiredJurisdiction", areaCode == null ? WHOLE_COUNTRY_CODE : areaCode);
        }
    }

    /** "230500 双鸭山市" or "230500 Shuangyashan"; "000000 全国", "000000 the whole country". */
    public Text describe() {
        return describe(code());
    }

    static Text describe(String code) {
        if (WHOLE_COUNTRY_CODE.equals(code)) {
            return ProblemText.WHOLE_COUNTRY.with(code);
        }
        return Regions.gbt2260().find(code).map(r -> (Text) ProblemText.REGION_NAMED.with(code, Text.named(r.name(), r.nameEn())))
                .orElseGet(() -> Text.said(code));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jurisdiction j && code().equals(j.code());
    }

    @Override
    public int hashCode() {
        return code().hashCode();
    }

    @Override
    public String toString() {
        return code();
    }
}
