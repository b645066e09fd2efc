package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DevTokenMinterTest {

    static final Optional<String> KEY = Optional.of("/repo/DEVELOPMENT-ONLY-private-key.pem");

    @Test
    void mintsInTheLocalRunWhenTheLauncherNamesTheKey() {
        assertTrue(DevTokenMinter.enabled(List.of("local"), KEY));
        assertTrue(DevTokenMinter.enabled(List.of("dev"), KEY));
    }

    @Test
    void mintsNothingWithoutAKeyWhateverTheProfile() {
        assertFalse(DevTokenMinter.enabled(List.of("local"), Optional.empty()));
        assertFalse(DevTokenMinter.enabled(List.of("prod"), Optional.of(" ")));
    }

    @Test
    void aKeyNamedInProductionStopsTheService() {
        assertThrows(IllegalStateException.class, () -> DevTokenMinter.enabled(List.of("prod"), KEY));
        assertThrows(IllegalStateException.class, () -> DevTokenMinter.enabled(List.of("staging"), KEY));
    }
}
