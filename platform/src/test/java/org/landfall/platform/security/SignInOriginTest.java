package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignInOriginTest {

    @Test
    void shouldTakeTheSchemeHostAndPortOfTheIssuer() {
        assertEquals("http://127.0.0.1:8180", SignInOrigin.originOf("http://127.0.0.1:8180/realms/landfall"));
        assertEquals("https://sso.example.org", SignInOrigin.originOf("https://sso.example.org/realms/landfall/"));
    }

    @Test
    void shouldNameNoOriginWithoutAnIssuer() {
        assertEquals("", SignInOrigin.originOf(" "));
    }

    @Test
    void shouldRefuseAnIssuerThatIsNoWebAddress() {
        // a policy source such as "'unsafe-inline'" or "*" must not slip into connect-src through the issuer
        assertThrows(IllegalArgumentException.class, () -> SignInOrigin.originOf("*"));
        assertThrows(IllegalArgumentException.class, () -> SignInOrigin.originOf("javascript:alert(1)"));
    }
}
