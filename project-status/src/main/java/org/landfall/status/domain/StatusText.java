package org.landfall.status.domain;

import org.landfall.events.Stage;
import org.landfall.platform.problem.MessageKey;
import org.landfall.platform.problem.Text;

/** Status's messages, in {@code Messages.properties} (English) and {@code Messages_zh_CN.properties} beside this enum. */
public enum StatusText implements MessageKey {
    NO_PROJECT_YET, BEFORE_SIGNING, IN_FUTURE, NOTHING_REPORTED, CUMULATIVE_LOWER, CUMULATIVE_HIGHER,
    STAGE_FINAL, STAGE_NOT_NEXT, STAGE_CHANGE_TOO_EARLY,
    STAGE_SIGNED, STAGE_STARTED, STAGE_OPERATIONAL, STAGE_SUSPENDED, STAGE_CANCELLED, MILESTONE_UNKNOWN,
    // blockers
    BLOCKER_KIND, RESOLVED_BEFORE_RAISED, BLOCKER_RESOLVED_ALREADY, NO_BLOCKER, NO_BLOCKER_OF_PROJECT,
    KIND_POWER, KIND_LAND, KIND_APPROVAL, KIND_FINANCING, KIND_EQUIPMENT, KIND_OTHER,
    // what a reason of the watch list rests on
    WATCH_NOT_STARTED, WATCH_NOT_OPERATIONAL_STARTED, WATCH_NOT_OPERATIONAL_SUSPENDED, WATCH_NO_UPDATE_SINCE_ENTRY,
    WATCH_LAST_UPDATE, WATCH_SUSPENDED, WATCH_BEHIND, WATCH_BLOCKER, WATCH_BLOCKER_AND_ONE, WATCH_BLOCKER_AND_MORE,
    // evidence photos
    NO_UPDATE, NO_UPDATE_OF_PROJECT, NO_PHOTO, NO_PHOTO_OF_UPDATE, PHOTO_TOO_LARGE, NOT_AN_IMAGE, IMAGE_DAMAGED, BODY_NOT_READ;

    /** The name of a stage as a person reads it: its code in English, 已开工 in Chinese. */
    public static Text of(Stage stage) {
        return switch (stage) {
            case SIGNED -> STAGE_SIGNED.with();
            case STARTED -> STAGE_STARTED.with();
            case OPERATIONAL -> STAGE_OPERATIONAL.with();
            case SUSPENDED -> STAGE_SUSPENDED.with();
            case CANCELLED -> STAGE_CANCELLED.with();
        };
    }
}
