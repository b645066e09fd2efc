package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuersTest {

    static final String PROVIDER = "http://127.0.0.1:8180/realms/landfall";

    static KeyPair providerKey;
    static PrivateKey developmentKey;
    static JWTAuthContextInfo provider;

    @BeforeAll
    static void provider(@TempDir Path dir) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        providerKey = rsa.generateKeyPair();
        RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(providerKey.getPublic());
        jwk.setKeyId("provider-1");
        jwk.setAlgorithm("RS256");
        Path jwks = Files.writeString(dir.resolve("certs.json"), new JsonWebKeySet(jwk).toJson());
        developmentKey = KeyUtils.decodePrivateKey(Files.readString(
                Path.of("../local-infra/src/main/resources/dev-jwt/DEVELOPMENT-ONLY-private-key.pem")));
        provider = new JWTAuthContextInfo(jwks.toString(), PROVIDER);
        provider.setExpectedAudience(Set.of("landfall"));
        provider.setRequiredClaims(Set.of("sub"));
        provider.setMaxTimeToLiveSecs(28800L);
        provider.setClockSkew(60);
    }

    @Test
    void acceptsTheProvidersTokensAndWhereTrustedTheDevelopmentTokensBeside() throws Exception {
        Issuers issuers = new Issuers(provider, true);
        assertEquals("li", issuers.verify(providers(claims(PROVIDER).subject("li"))).getSubject());
        assertEquals("dev-analyst", issuers.verify(development(claims(DevelopmentTrust.DEV_ISSUER).subject("dev-analyst")))
                .getSubject());
    }

    @Test
    void refusesDevelopmentTokensWhereTheDevelopmentKeyIsNotTrusted() {
        Issuers issuers = new Issuers(provider, false);
        assertThrows(ParseException.class, () -> issuers.verify(development(claims(DevelopmentTrust.DEV_ISSUER))));
    }

    @Test
    void namingAnIssuerGainsNothingWithoutItsKey() {
        Issuers issuers = new Issuers(provider, true);
        assertThrows(ParseException.class, () -> issuers.verify(development(claims(PROVIDER))),
                "the provider's issuer, signed by the development key");
        assertThrows(ParseException.class, () -> issuers.verify(providers(claims(DevelopmentTrust.DEV_ISSUER))),
                "the development issuer, signed by the provider's key");
        assertThrows(ParseException.class, () -> issuers.verify(providers(claims("https://elsewhere.example.org"))));
    }

    @Test
    void checksAudienceExpiryAndJurisdictionOfEitherIssuer() {
        Issuers issuers = new Issuers(provider, true);
        for (String issuer : new String[] {PROVIDER, DevelopmentTrust.DEV_ISSUER}) {
            assertThrows(ParseException.class, () -> sign(issuer, claims(issuer).audience("another")), issuer + ": audience");
            assertThrows(ParseException.class, () -> sign(issuer, claims(issuer)
                    .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(61 + 60))), issuer + ": expired");
            assertThrows(ParseException.class, () -> sign(issuer, claims(issuer).claim(Jurisdiction.CLAIM, "Heilongjiang")),
                    issuer + ": a jurisdiction that is no code");
        }
    }

    @Test
    void anUnknownKeyIdOfTheProviderIsRefused() throws Exception {
        Issuers issuers = new Issuers(provider, true);
        String token = claims(PROVIDER).jws().keyId("rotated-away").sign(providerKey.getPrivate());
        assertThrows(ParseException.class, () -> issuers.verify(token));
    }

    @Test
    void readsTheIssuerOfAnyTokenWithoutTrustingIt() {
        assertEquals(PROVIDER, Issuers.issuerNamed(providers(claims(PROVIDER))).orElseThrow());
        assertEquals(java.util.Optional.empty(), Issuers.issuerNamed("not.a.token"));
        assertEquals(java.util.Optional.empty(), Issuers.issuerNamed("garbage"));
    }

    private void sign(String issuer, JwtClaimsBuilder claims) throws ParseException {
        Issuers issuers = new Issuers(provider, true);
        issuers.verify(PROVIDER.equals(issuer) ? providers(claims) : development(claims));
    }

    private static JwtClaimsBuilder claims(String issuer) {
        return Jwt.issuer(issuer).audience("landfall").subject("someone").groups("analyst")
                .claim(Jurisdiction.CLAIM, "230500");
    }

    private static String providers(JwtClaimsBuilder claims) {
        return claims.jws().keyId("provider-1").sign(providerKey.getPrivate());
    }

    private static String development(JwtClaimsBuilder claims) {
        return claims.jws().keyId("landfall-dev").sign(developmentKey);
    }
}
