package org.landfall.events;

/** The lifecycle stages of a project, as the contract names them. */
public enum Stage {
    SIGNED, STARTED, OPERATIONAL, SUSPENDED, CANCELLED;

    /**
     * Whether an update may move a project from {@code previous} to this stage: SIGNED -> STARTED -> OPERATIONAL,
     * SUSPENDED from SIGNED or STARTED and back to either, CANCELLED from any stage but OPERATIONAL; staying put is no
     * move. An event that jumps otherwise (SIGNED to OPERATIONAL, out of CANCELLED) no status of ours recorded.
     */
    public boolean mayFollow(Stage previous) {
        if (previous == null || previous == this) {
            return true;
        }
        return switch (previous) {
            case SIGNED -> this == STARTED || this == SUSPENDED || this == CANCELLED;
            case STARTED -> this == OPERATIONAL || this == SUSPENDED || this == CANCELLED;
            case SUSPENDED -> this == SIGNED || this == STARTED || this == CANCELLED;
            case OPERATIONAL, CANCELLED -> false;
        };
    }
}
