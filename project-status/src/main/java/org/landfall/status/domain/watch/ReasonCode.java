package org.landfall.status.domain.watch;

/** Why a project is on the watch list; each is one {@link WatchRule}. */
public enum ReasonCode {
    NOT_STARTED_PAST_PLANNED_START,
    NOT_OPERATIONAL_PAST_PLANNED_OPERATION,
    NO_RECENT_UPDATE,
    SUSPENDED_TOO_LONG,
    BEHIND_SCHEDULE,
    OPEN_BLOCKER
}
