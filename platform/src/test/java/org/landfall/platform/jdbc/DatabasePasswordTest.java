package org.landfall.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabasePasswordTest {

    @Test
    void shouldRefuseProductionWithoutAPasswordNamingTheVariable() {
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of(" "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DatabasePassword.check(List.of("prod"), none));
            assertTrue(refused.getMessage().contains("QUARKUS_DATASOURCE_PASSWORD"), refused.getMessage());
        }
        assertDoesNotThrow(() -> DatabasePassword.check(List.of("prod"), Optional.of("s3cret")));
    }

    @Test
    void shouldLetTheLocalRunAndTheTestsGoWithout() {
        for (String profile : List.of("dev", "test", "local")) {
            assertDoesNotThrow(() -> DatabasePassword.check(List.of(profile), Optional.empty()));
        }
    }
}
