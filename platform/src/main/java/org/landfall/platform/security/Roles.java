package org.landfall.platform.security;

/** The roles of the contract, as they appear in the token's {@code groups} claim. */
public final class Roles {

    public static final String INTAKE_OFFICER = "intake-officer";
    public static final String SITE_INSPECTOR = "site-inspector";
    public static final String ANALYST = "analyst";
    /** May do everything. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
