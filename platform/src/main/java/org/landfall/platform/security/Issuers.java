package org.landfall.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The issuers whose tokens open the API: the identity provider ({@code mp.jwt.verify.*}: LANDFALL_JWT_ISSUER, its
 * keys at LANDFALL_JWT_PUBLIC_KEY_LOCATION, a JWKS address fetched again when a token names a key id it lacks) and,
 * where the development key is trusted, the development issuer with the repository's development key. A token goes
 * to the verifier of the issuer it names and is verified there in full (signature, expiry with the clock skew,
 * maximum lifetime, issuer, audience, subject), so naming an issuer gains nothing: a token of the development issuer
 * must bear the development key's signature, and one of any other issuer the provider's. Each verifier keeps its
 * own key resolver (smallrye-jwt caches one per factory).
 */
final class Issuers {

    static final String DEV_KEY_LOCATION = "dev-jwt/DEVELOPMENT-ONLY-public-key.pem";

    private final JWTAuthContextInfo provider;
    private final JWTCallerPrincipalFactory providerVerifier = new DefaultJWTCallerPrincipalFactory();
    /** Null where the development key is not trusted. */
    private final JWTAuthContextInfo development;
    private final JWTCallerPrincipalFactory developmentVerifier = new DefaultJWTCallerPrincipalFactory();

    Issuers(JWTAuthContextInfo provider, boolean developmentTrusted) {
        this.provider = provider;
        this.development = developmentTrusted && !DevelopmentTrust.DEV_ISSUER.equals(provider.getIssuedBy())
                ? developmentOf(provider) : null;
    }

    /** The development issuer's context: the provider's rules (audience, skew, lifetime, claims), the development key. */
    static JWTAuthContextInfo developmentOf(JWTAuthContextInfo provider) {
        JWTAuthContextInfo development = new JWTAuthContextInfo(provider);
        development.setIssuedBy(DevelopmentTrust.DEV_ISSUER);
        development.setPublicVerificationKey(null);
        development.setPublicKeyContent(null);
        development.setPublicKeyLocation(DEV_KEY_LOCATION);
        return development;
    }

    /** Whether development tokens are verified beside the provider's. */
    boolean developmentToo() {
        return development != null;
    }

    JsonWebToken verify(String token) throws ParseException {
        JsonWebToken verified = development != null && issuerNamed(token).filter(DevelopmentTrust.DEV_ISSUER::equals).isPresent()
                ? developmentVerifier.parse(token, development)
                : providerVerifier.parse(token, provider);
        try {
            Jurisdiction.claimed(verified);
        } catch (IllegalArgumentException malformed) {
            throw new ParseException(malformed.getMessage());
        }
        return verified;
    }

    /** The {@code iss} the token's payload names, unverified: it only picks the verifier. */
    static Optional<String> issuerNamed(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.ofNullable(JwtClaims.parse(payload).getIssuer());
        } catch (IllegalArgumentException | InvalidJwtException | MalformedClaimException notReadable) {
            return Optional.empty(); // the provider's verifier refuses it
        }
    }
}
