package org.landfall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on machines without Docker, so this keeps it from drifting away from the
 * services' own configuration: names, ports, databases, health checks, start order and secrets; and its Keycloak
 * from the local run's: the same version, the same realm file, the services trusting its tokens.
 */
class ComposeFileTest {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final Path REALM_FILE = ROOT.resolve("keycloak/landfall-realm.json");

    static Map<String, Object> compose() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(r);
        }
    }

    static Map<String, Object> services() throws IOException {
        return section(compose(), "services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    /** The realm's name, from the file both the local run and docker-compose import. */
    static String realm() throws IOException {
        Matcher m = Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(REALM_FILE));
        assertTrue(m.find());
        return m.group(1);
    }

    static Properties applicationProperties(String module) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void shouldDeployKafkaPostgresKeycloakAndTheThreeServices() throws IOException {
        assertEquals(List.of("kafka", "postgres", "keycloak", "project-intake", "project-status", "reporting"),
                List.copyOf(services().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"project-intake", "project-status", "reporting"})
    @SuppressWarnings("unchecked")
    void shouldRunEachServiceAsItsOwnConfigurationSays(String module) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(module);
        Properties config = applicationProperties(module);
        String port = config.getProperty("quarkus.http.port");
        assertEquals(module, config.getProperty("quarkus.application.name"));

        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertEquals("./" + module, build.get("context"));
        Path dockerfile = ROOT.resolve(module).resolve((String) build.get("dockerfile"));
        assertTrue(Files.exists(dockerfile), dockerfile + " missing");
        assertTrue(Files.readString(dockerfile).contains("EXPOSE " + port), "Dockerfile exposes " + port);

        assertEquals(List.of(port + ":" + port), service.get("ports"));
        String health = String.join(" ", (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test"));
        assertTrue(health.contains("localhost:" + port + "/q/health/ready"), health);

        Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
        for (String dependency : List.of("kafka", "postgres")) {
            assertEquals("service_healthy", ((Map<String, Object>) dependsOn.get(dependency)).get("condition"));
        }

        Map<String, Object> env = (Map<String, Object>) service.get("environment");
        String localUrl = config.getProperty("quarkus.datasource.jdbc.url");
        String database = localUrl.substring(localUrl.lastIndexOf('/') + 1);
        assertEquals("jdbc:postgresql://postgres:5432/" + database, env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(Files.readString(ROOT.resolve("deploy/postgres-init/01-databases.sql")).contains("create database " + database + ";"));
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        for (String required : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "LANDFALL_JWT_PUBLIC_KEY_LOCATION", "LANDFALL_JWT_ISSUER")) {
            assertNotNull(env.get(required), module + " needs " + required);
        }
    }

    @Test
    void shouldNeverShipTheDevelopmentKey() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertFalse(compose.contains("DEVELOPMENT-ONLY"));
        assertFalse(compose.contains("QUARKUS_PROFILE"), "the services must run in the prod profile");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunKeycloakOfTheLocalRunsVersionOnTheRealmOfTheRepository() throws IOException {
        Map<String, Object> keycloak = section(services(), "keycloak");
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(version.find());
        assertEquals("quay.io/keycloak/keycloak:" + version.group(1), keycloak.get("image"));
        assertTrue(((List<String>) keycloak.get("command")).contains("--import-realm"));
        assertTrue(((List<String>) keycloak.get("volumes")).contains("./" + ROOT.relativize(REALM_FILE.getParent()) + ":/opt/keycloak/data/import:ro"));

        Map<String, Object> env = section(keycloak, "environment");
        assertEquals("jdbc:postgresql://postgres:5432/keycloak", env.get("KC_DB_URL"));
        try (Stream<Path> init = Files.list(ROOT.resolve("deploy/postgres-init"))) {
            assertTrue(init.anyMatch(f -> read(f).contains("create database keycloak;")), "the compose PostgreSQL creates Keycloak's database");
        }
        assertEquals("service_healthy", section(section(keycloak, "depends_on"), "postgres").get("condition"));
        assertEquals("true", String.valueOf(env.get("KC_HEALTH_ENABLED")), "its health check asks /health/ready");
        assertNotNull(keycloak.get("healthcheck"));
        // no password has a default: an operator who runs this file chooses them
        assertTrue(String.valueOf(env.get("KC_BOOTSTRAP_ADMIN_PASSWORD")).startsWith("${KEYCLOAK_ADMIN_PASSWORD:?"));
        Matcher placeholder = Pattern.compile("\"value\"\\s*:\\s*\"\\$\\{([A-Z0-9_]+)}\"").matcher(Files.readString(REALM_FILE));
        int passwords = 0;
        while (placeholder.find()) {
            passwords++;
            assertEquals("${LANDFALL_DEMO_PASSWORD:?a password for the realm's demo users}", env.get(placeholder.group(1)),
                    "the realm's password placeholder " + placeholder.group(1));
        }
        assertEquals(6, passwords, "a password for each demo user");
    }

    @Test
    void shouldLetTheServicesTrustTheComposeKeycloakUnlessToldAnother() throws IOException {
        Map<String, Object> env = section(compose(), "x-service-env");
        String hostname = (String) section(section(services(), "keycloak"), "environment").get("KC_HOSTNAME");
        // the issuer is the address browsers use (KC_HOSTNAME); the keys come over the compose network
        assertEquals("${LANDFALL_JWT_ISSUER:-" + hostname + "/realms/" + realm() + "}", env.get("LANDFALL_JWT_ISSUER"));
        assertEquals("${LANDFALL_JWT_PUBLIC_KEY_LOCATION:-http://keycloak:8080/realms/" + realm() + "/protocol/openid-connect/certs}",
                env.get("LANDFALL_JWT_PUBLIC_KEY_LOCATION"));
        assertEquals("${LANDFALL_JWT_AUDIENCE:-landfall}", env.get("LANDFALL_JWT_AUDIENCE"));
        assertTrue(Files.readString(REALM_FILE).contains("\"included.custom.audience\": \"landfall\""), "the realm's tokens carry that audience");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepTopicCreationToTheServices() throws IOException {
        Map<String, Object> kafka = (Map<String, Object>) services().get("kafka");
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertEquals("false", String.valueOf(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")));
        assertNotNull(kafka.get("healthcheck"));
        assertNotNull(((Map<String, Object>) services().get("postgres")).get("healthcheck"));
    }
}
