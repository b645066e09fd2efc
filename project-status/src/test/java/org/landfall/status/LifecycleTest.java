package org.landfall.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.landfall.events.Stage;
import org.landfall.status.domain.Lifecycle;

/** Every stage x every target (x every stage a suspension came from), against the contract's table. */
class LifecycleTest {

    static Stream<Arguments> everyTransition() {
        List<Arguments> all = new ArrayList<>();
        for (Stage current : Stage.values()) {
            for (Stage suspendedFrom : new Stage[] {null, Stage.SIGNED, Stage.STARTED}) {
                if ((current == Stage.SUSPENDED) != (suspendedFrom != null)) {
                    continue;
                }
                for (Stage target : Stage.values()) {
                    all.add(Arguments.of(current, suspendedFrom, target, expected(current, suspendedFrom, target)));
                }
            }
        }
        return all.stream();
    }

    /** The contract's rules, written out case by case. */
    private static boolean expected(Stage current, Stage suspendedFrom, Stage target) {
        return switch (current) {
            case SIGNED -> target == Stage.STARTED || target == Stage.SUSPENDED || target == Stage.CANCELLED;
            case STARTED -> target == Stage.OPERATIONAL || target == Stage.SUSPENDED || target == Stage.CANCELLED;
            case SUSPENDED -> target == suspendedFrom || target == Stage.CANCELLED;
            case OPERATIONAL, CANCELLED -> false;
        };
    }

    @ParameterizedTest(name = "{0} (suspended from {1}) -> {2}: {3}")
    @MethodSource("everyTransition")
    void shouldAllowExactlyTheTransitionsOfTheContract(Stage current, Stage suspendedFrom, Stage target, boolean allowed) {
        assertEquals(allowed, Lifecycle.allows(current, suspendedFrom, target));
    }
}
