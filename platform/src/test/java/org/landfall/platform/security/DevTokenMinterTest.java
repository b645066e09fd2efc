package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DevTokenMinterTest {

    static final Optional<String> KEY = Optional.of("/repo/DEVELOPMENT-ONLY-private-key.pem");

    static final String ON_LOOPBACK = "profile [local], quarkus.http.host 127.0.0.1";

    @Test
    void mintsInTheLocalRunWhenTheLauncherNamesTheKey() {
        assertTrue(DevTokenMinter.enabled(true, ON_LOOPBACK, KEY));
    }

    @Test
    void mintsNothingWithoutAKeyWhateverTheRun() {
        assertFalse(DevTokenMinter.enabled(true, ON_LOOPBACK, Optional.empty()));
        assertFalse(DevTokenMinter.enabled(false, "profile [prod], quarkus.http.host 0.0.0.0", Optional.of(" ")));
    }

    @Test
    void aKeyNamedWhereTheDevelopmentKeyIsNotTrustedStopsTheService() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DevTokenMinter.enabled(false, "profile [local], quarkus.http.host 0.0.0.0", KEY));
        assertTrue(refused.getMessage().contains("0.0.0.0"), refused.getMessage());
    }
}
