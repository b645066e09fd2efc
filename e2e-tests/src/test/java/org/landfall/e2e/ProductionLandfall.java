package org.landfall.e2e;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.landfall.infra.DevTokens;

/**
 * The three packaged services as production runs them (profile prod), trusting an identity provider of the test's
 * own: its keys at a JWKS address that, as a careless or compromised provider might, also serves the repository's
 * development key under the development tokens' key id. Started once, for whichever test asks first.
 */
final class ProductionLandfall {

    static final String ISSUER = "https://idp.e2e.example/realms/landfall";
    static final String PROVIDER_KEY_ID = "provider-e2e";

    private static ProductionLandfall instance;

    private final KeyPair provider;
    private final HttpServer jwks;
    final ServiceProcess intake;
    final ServiceProcess status;
    final ServiceProcess reporting;

    private ProductionLandfall() throws Exception {
        provider = rsa();
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] keys = jwks(provider).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        jwks.start();
        intake = ServiceProcess.start("project-intake", "e2e_prod_intake", environment(jwksUrl()));
        status = ServiceProcess.start("project-status", "e2e_prod_status", environment(jwksUrl()));
        reporting = ServiceProcess.start("reporting", "e2e_prod_reporting", environment(jwksUrl()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e-production-stop"));
        for (ServiceProcess s : all()) {
            s.awaitReady(Duration.ofSeconds(240));
        }
    }

    static synchronized ProductionLandfall get() throws Exception {
        if (instance == null) {
            instance = new ProductionLandfall();
        }
        return instance;
    }

    /**
     * What a production service is given: the provider's keys and issuer, a database password, no development
     * signing key; it listens on loopback here only because a test machine is no place to open ports, and its
     * profile is prod, so loopback earns it no development trust.
     */
    static Map<String, String> environment(String keyLocation) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("LANDFALL_JWT_PUBLIC_KEY_LOCATION", keyLocation);
        env.put("LANDFALL_JWT_ISSUER", ISSUER);
        // the test's PostgreSQL trusts loopback and ignores it; production's asks for it
        env.put("QUARKUS_DATASOURCE_PASSWORD", "e2e-production-password");
        env.put("LANDFALL_DEV_TOKENS_PRIVATE_KEY_LOCATION", null);
        return env;
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
    }

    /** A token of the provider for {@code role}. */
    String token(String subject, String role) {
        return DevTokens.sign(subject, List.of(role), Duration.ofHours(1), ISSUER, DevTokens.AUDIENCE, provider.getPrivate(),
                PROVIDER_KEY_ID);
    }

    /** A token with everything production checks right, signed with the development key anyone can read. */
    static String forged(String role) {
        return DevTokens.sign("forger", List.of(role), Duration.ofHours(1), ISSUER, DevTokens.AUDIENCE,
                DevTokens.developmentKey(), DevTokens.KEY_ID);
    }

    List<ServiceProcess> all() {
        return List.of(intake, status, reporting);
    }

    /** The service of this production landfall that plays {@code local}'s part. */
    ServiceProcess like(ServiceProcess local) {
        return all().stream().filter(s -> s.name.equals(local.name)).findFirst().orElseThrow();
    }

    private static String jwks(KeyPair provider) {
        RSAPrivateCrtKey dev = (RSAPrivateCrtKey) DevTokens.developmentKey();
        RSAPublicKey own = (RSAPublicKey) provider.getPublic();
        return "{\"keys\": [" + jwk(PROVIDER_KEY_ID, own.getModulus(), own.getPublicExponent()) + ", "
                + jwk(DevTokens.KEY_ID, dev.getModulus(), dev.getPublicExponent()) + "]}";
    }

    private static String jwk(String kid, BigInteger modulus, BigInteger exponent) {
        return "{\"kty\": \"RSA\", \"use\": \"sig\", \"alg\": \"RS256\", \"kid\": \"" + kid + "\", \"n\": \""
                + unsigned(modulus) + "\", \"e\": \"" + unsigned(exponent) + "\"}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair();
    }

    private void stop() {
        for (ServiceProcess s : all()) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        jwks.stop(0);
    }
}
