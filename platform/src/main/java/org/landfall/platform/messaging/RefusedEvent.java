package org.landfall.platform.messaging;

import org.landfall.events.LandfallEvent;

/**
 * Thrown by a consumer's handler for an event that is well formed but cannot follow what the consumer holds, such as
 * a correction whose revision skips ahead of the one held (decision 44). {@link EventBatches} rolls the batch back,
 * dead-letters the event with this reason and applies the others: unlike a failure, it is never retried.
 */
public final class RefusedEvent extends RuntimeException {

    private final transient LandfallEvent event;

    public RefusedEvent(LandfallEvent event, String reason) {
        super(event.type() + " " + reason, null, false, false);
        this.event = event;
    }

    public LandfallEvent event() {
        return event;
    }

    /** The refusal in {@code failure}'s chain of causes, or null when it is a failure to retry. */
    static RefusedEvent in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedEvent refused) {
                return refused;
            }
        }
        return null;
    }
}
