package org.landfall.platform.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;

/**
 * What becomes of a consumed record (decision 18). Whether an event is dead-lettered is decided once, where it is
 * read: a record that breaks the event contract goes to the dead-letter topic. An event judged valid is never
 * dead-lettered: whatever fails after that (any SQLSTATE, a null, any bug) is retried until it passes, because the
 * fault is ours and dropping the event would make the read model disagree with its source for good.
 */
public sealed interface EventVerdict {

    /** A valid event: apply it. */
    record Apply(LandfallEvent event) implements EventVerdict {
    }

    /** A record that breaks the event contract, and why. */
    record DeadLetter(String reason) implements EventVerdict {
    }

    /**
     * Applying a valid event failed: retry it. {@code ours} when the failure is a fault of our own to fix (a value the
     * database refuses, a bug), which stalls the partition and alerts; otherwise it is passing (the database away, a
     * deadlock) and retrying alone cures it.
     */
    record Retry(boolean ours, String cause) implements EventVerdict {
    }

    /** Reads a record's value: {@link Apply} when it is a valid Landfall event, {@link DeadLetter} otherwise. */
    static EventVerdict ofRecord(byte[] value) {
        try {
            return new Apply(EventCodec.decode(value));
        } catch (EventCodec.UnreadableEventException e) {
            return new DeadLetter(e.getMessage());
        }
    }

    /** Judges a failure to apply valid events: always a {@link Retry}, never a dead letter. */
    static Retry ofFailure(Throwable failure) {
        return new Retry(!passing(failure), rootMessage(failure));
    }

    /**
     * Passing SQLSTATE classes: 08 connection exception, 40 transaction rollback (deadlock, serialization failure),
     * 53 insufficient resources, 57 operator intervention (shutdown, cancelled statement). The first SQLException in
     * the chain decides; a failure without one is ours.
     */
    private static boolean passing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return Set.of("08", "40", "53", "57").contains(sql.getSQLState().substring(0, 2));
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
