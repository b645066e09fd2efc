package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

class DevelopmentTrustTest {

    static final String DEV_KEY = "dev-jwt/DEVELOPMENT-ONLY-public-key.pem";
    static final Optional<String> ISSUER = Optional.of("https://idp.example.org/realms/landfall");
    static final String FACING_A_NETWORK = "profile [local], quarkus.http.host 0.0.0.0";

    @Test
    void trustsTheDevelopmentKeyOnlyOnLoopbackAloneInADevelopmentRun() {
        assertTrue(DevelopmentTrust.trusted(List.of("local"), "127.0.0.1"));
        assertTrue(DevelopmentTrust.trusted(List.of("test"), "localhost"));
        assertTrue(DevelopmentTrust.trusted(List.of("dev"), "::1"));
        assertFalse(DevelopmentTrust.trusted(List.of("local"), "0.0.0.0"), "the local profile facing a network");
        assertFalse(DevelopmentTrust.trusted(List.of("local"), "192.168.1.20"));
        assertFalse(DevelopmentTrust.trusted(List.of("prod"), "127.0.0.1"), "production, even on loopback");
        assertFalse(DevelopmentTrust.trusted(List.of("staging"), "localhost"));
        assertFalse(DevelopmentTrust.trusted(List.of("local"), null));
    }

    @Test
    void refusesToStartWithTheDevelopmentKeyWhereANetworkReachesTheService() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false,
                FACING_A_NETWORK, ISSUER, Optional.of(DEV_KEY), Optional.empty()));
        assertTrue(refused.getMessage().contains("holds the development key"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false, FACING_A_NETWORK, ISSUER,
                Optional.empty(), Optional.of(pem(developmentKey()))));
    }

    @Test
    void refusesTheDevelopmentKeyInAJwkSetAsInAPemFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        RsaJsonWebKey dev = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(developmentKey());
        dev.setKeyId("looks-like-the-providers");
        RsaJsonWebKey other = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(anotherKey().getPublic());
        Path jwks = Files.writeString(dir.resolve("jwks.json"), new JsonWebKeySet(other, dev).toJson());
        assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false, FACING_A_NETWORK, ISSUER,
                Optional.of(jwks.toString()), Optional.empty()));
    }

    @Test
    void startsWithTheProvidersKeyOrWhereTheDevelopmentKeyIsTrusted(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path providers = Files.writeString(dir.resolve("provider.pem"), pem(anotherKey().getPublic()));
        assertDoesNotThrow(() -> DevelopmentTrust.check(false, FACING_A_NETWORK, ISSUER, Optional.of(providers.toString()),
                Optional.empty()));
        assertDoesNotThrow(() -> DevelopmentTrust.check(false, FACING_A_NETWORK, ISSUER,
                Optional.of("https://idp.example.org/realms/landfall/protocol/openid-connect/certs"), Optional.empty()));
        assertDoesNotThrow(() -> DevelopmentTrust.check(true, "profile [local], quarkus.http.host 127.0.0.1",
                Optional.of(DevelopmentTrust.DEV_ISSUER), Optional.of(DEV_KEY), Optional.empty()));
    }

    @Test
    void refusesToStartWithoutAnIssuer() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false,
                FACING_A_NETWORK, Optional.empty(), Optional.of("https://idp.example.org/certs"), Optional.empty()));
        assertTrue(refused.getMessage().contains("LANDFALL_JWT_ISSUER"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(true, "profile [local]", Optional.of(" "),
                Optional.of(DEV_KEY), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false, FACING_A_NETWORK,
                Optional.of(DevelopmentTrust.NO_ISSUER), Optional.of("https://idp.example.org/certs"), Optional.empty()));
    }

    @Test
    void refusesTheDevelopmentIssuerWhereANetworkReachesTheService() {
        assertThrows(IllegalStateException.class, () -> DevelopmentTrust.check(false, FACING_A_NETWORK,
                Optional.of(DevelopmentTrust.DEV_ISSUER), Optional.of("https://idp.example.org/certs"), Optional.empty()));
    }

    @Test
    void knowsATokenThatTheDevelopmentKeySigned() throws Exception {
        PrivateKey devPrivate = KeyUtils.decodePrivateKey(Files.readString(
                Path.of("../local-infra/src/main/resources/dev-jwt/DEVELOPMENT-ONLY-private-key.pem")));
        String forged = Jwt.issuer("https://idp.example.org/realms/landfall").subject("anyone").groups("admin").sign(devPrivate);
        String providers = Jwt.issuer("https://idp.example.org/realms/landfall").subject("li").groups("analyst")
                .sign(anotherKey().getPrivate());
        assertTrue(DevelopmentTrust.signedByDevelopmentKey(forged));
        assertFalse(DevelopmentTrust.signedByDevelopmentKey(providers));
        assertFalse(DevelopmentTrust.signedByDevelopmentKey("not.a.jwt"));
    }

    private static PublicKey developmentKey() throws Exception {
        return KeyUtils.readPublicKey(DEV_KEY);
    }

    private static KeyPair anotherKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
