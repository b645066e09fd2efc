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
    // evidence photos
    NO_UPDATE, NO_UPDATE_OF_PROJECT, NO_PHOTO, NO_PHOTO_OF_UPDATE, PHOTO_TOO_LARGE, NOT_AN_IMAGE, IMAGE_DAMAGED, BODY_NOT_READ,
    // the watch list's place
    REGION_CODE_FORMAT, REGION_CODE_UNKNOWN;

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
