package org.landfall.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs bearer tokens with the DEVELOPMENT key kept in this repository, for the local run and the tests. The
 * services trust that key only while they listen on loopback alone in their dev, test and local runs; production
 * verifies the organisation's identity provider.
 * {@code java -cp ... org.landfall.infra.DevTokens ROLE [TTL_SECONDS] [SUBJECT] [JURISDICTION]}: the jurisdiction is
 * a GB/T 2260 code, {@code 000000} (the default) the whole country.
 */
public final class DevTokens {

    public static final String ISSUER = "https://landfall.local/dev-issuer";
    public static final String AUDIENCE = "landfall";
    /** The key id of the development key in the tokens' header. */
    public static final String KEY_ID = "landfall-dev";
    public static final List<String> ROLES = List.of("intake-officer", "site-inspector", "analyst", "admin");
    /** The jurisdiction of the whole country. */
    public static final String WHOLE_COUNTRY = "000000";

    private DevTokens() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !ROLES.contains(args[0])) {
            System.err.println("usage: DevTokens ROLE [TTL_SECONDS] [SUBJECT] [JURISDICTION]; roles: " + String.join(", ", ROLES));
            System.exit(2);
        }
        Duration ttl = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 8 * 3600);
        String subject = args.length > 2 ? args[2] : "dev-" + args[0];
        String jurisdiction = args.length > 3 ? args[3] : WHOLE_COUNTRY;
        if (!jurisdiction.matches("[0-9]{6}")) {
            System.err.println("the jurisdiction is a GB/T 2260 code, six digits (000000: the whole country): " + jurisdiction);
            System.exit(2);
        }
        System.out.println(sign(subject, List.of(args[0]), ttl, ISSUER, AUDIENCE, developmentKey(), KEY_ID, jurisdiction));
    }

    /** A token for {@code subject} with these groups in a jurisdiction (a GB/T 2260 code), valid for an hour. */
    public static String tokenIn(String jurisdiction, String subject, String... groups) {
        return sign(subject, List.of(groups), Duration.ofHours(1), ISSUER, AUDIENCE, developmentKey(), KEY_ID, jurisdiction);
    }

    /** A token for {@code subject} with these groups, valid from now for {@code ttl} (negative: already expired). */
    public static String token(String subject, String... groups) {
        return sign(subject, List.of(groups), Duration.ofHours(1), ISSUER);
    }

    public static String sign(String subject, List<String> groups, Duration ttl, String issuer) {
        return sign(subject, groups, ttl, issuer, AUDIENCE);
    }

    public static String sign(String subject, List<String> groups, Duration ttl, String issuer, String audience) {
        return sign(subject, groups, ttl, issuer, audience, developmentKey());
    }

    /** Any token, including the wrong ones the security tests need (another key, issuer or audience). */
    public static String sign(String subject, List<String> groups, Duration ttl, String issuer, String audience,
                              PrivateKey key) {
        return sign(subject, groups, ttl, issuer, audience, key, KEY_ID);
    }

    /**
     * Any token, signed with {@code key} under the key id {@code kid}; without a {@code sub} claim (but with a
     * {@code upn}) when {@code subject} is null.
     */
    public static String sign(String subject, List<String> groups, Duration ttl, String issuer, String audience,
                              PrivateKey key, String kid) {
        return sign(subject, groups, ttl, issuer, audience, key, kid, null);
    }

    /** Any token, with a {@code jurisdiction} claim unless it is null. */
    public static String sign(String subject, List<String> groups, Duration ttl, String issuer, String audience,
                              PrivateKey key, String kid, String jurisdiction) {
        Instant now = Instant.now();
        long exp = now.plus(ttl).getEpochSecond();
        long iat = Math.min(now.getEpochSecond(), exp - 1);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(kid) + "}";
        String claims = "{\"iss\":" + json(issuer) + ",\"aud\":" + json(audience)
                + (subject == null ? "" : ",\"sub\":" + json(subject))
                + ",\"upn\":" + json(subject == null ? "no-subject" : subject) + ",\"jti\":" + json(UUID.randomUUID().toString())
                + ",\"iat\":" + iat + ",\"exp\":" + exp
                + (jurisdiction == null ? "" : ",\"jurisdiction\":" + json(jurisdiction))
                + ",\"groups\":[" + groups.stream().map(DevTokens::json).collect(Collectors.joining(",")) + "]}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The DEVELOPMENT key of the repository, for the tokens of tests that pick their own claims. */
    public static PrivateKey developmentKey() {
        try {
            return privateKey();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key", e);
        }
    }

    private static PrivateKey privateKey() throws java.security.GeneralSecurityException {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwt/DEVELOPMENT-ONLY-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
