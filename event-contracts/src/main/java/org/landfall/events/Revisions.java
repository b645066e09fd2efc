package org.landfall.events;

/**
 * Which revision of a contract a consumer applies after the one it holds (decision 44). Intake raises a project's
 * revision by one per correction and publishes them in order on the project's partition, so a genuine revision is
 * never more than one ahead of the last one a consumer applied. One further ahead is forged or broken: applied, it
 * would outrank every genuine correction to come, and the project would be frozen. A lower or equal revision is stale
 * (a correction that overtook the signing) and each consumer keeps the higher one it holds, as before.
 */
public final class Revisions {

    private Revisions() {
    }

    /**
     * Why {@code next} may not follow {@code held}, the revision the consumer holds of that project (0 when it holds
     * none: a correction may then come before its signing), or null when it may.
     */
    public static String refusal(int held, ProjectSnapshot next) {
        return held >= 1 && next.revision() > held + 1
                ? "at revision " + next.revision() + " skips ahead of revision " + held + ", the one held (expected "
                        + (held + 1) + ")"
                : null;
    }
}
