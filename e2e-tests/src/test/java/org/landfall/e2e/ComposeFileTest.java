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
import org.junit.jupiter.params.provider.CsvSource;
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
        assertEquals(List.of("kafka", "kafka-acls", "postgres", "keycloak", "project-intake", "project-status", "reporting"),
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
        // as many instances as the deployment asks for, on a cluster whose routing spreads the port over them
        assertEquals("${LANDFALL_REPLICAS:-1}", String.valueOf(((Map<String, Object>) service.get("deploy")).get("replicas")));
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

    /** Three instances of each service at the default pool, their notices' connections and Keycloak's fit the server. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldLeavePostgresRoomForThreeInstancesOfEachServicesPool() throws IOException {
        String command = String.join(" ", (List<String>) ((Map<String, Object>) services().get("postgres")).get("command"));
        Matcher max = Pattern.compile("max_connections=\\$\\{POSTGRES_MAX_CONNECTIONS:-(\\d+)}").matcher(command);
        assertTrue(max.find(), command);
        Map<String, Object> intake = (Map<String, Object>) services().get("project-intake");
        String pool = String.valueOf(((Map<String, Object>) intake.get("environment")).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        Matcher size = Pattern.compile("\\$\\{LANDFALL_DB_POOL:-(\\d+)}").matcher(pool);
        assertTrue(size.find(), pool);
        int instances = 3;
        assertTrue(Integer.parseInt(max.group(1)) >= instances * 3 * Integer.parseInt(size.group(1)) + instances + 10,
                command + " for pools of " + pool);
    }

    @Test
    void shouldNeverShipTheDevelopmentKey() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertFalse(compose.contains("DEVELOPMENT-ONLY"));
        assertFalse(compose.contains("QUARKUS_PROFILE"), "the services must run in the prod profile");
        assertTrue(compose.contains("QUARKUS_DATASOURCE_PASSWORD: ${POSTGRES_PASSWORD:?"), "the database password must be required");
        assertFalse(compose.contains("POSTGRES_PASSWORD:-"), "no default database password");
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

    /**
     * Finding 6 of issue 22: anyone on the compose network could write any topic, so a forged event needed no
     * service. Kafka takes SASL only, its authorizer denies what no ACL allows, and each service's principal (with
     * a password the deployment must give) writes only the topics it owns and reads only what it consumes.
     */
    @ParameterizedTest
    @CsvSource({
            "project-intake, intake, KAFKA_INTAKE_PASSWORD, landfall.projects landfall.plans, landfall.project-updates",
            "project-status, status, KAFKA_STATUS_PASSWORD, landfall.project-updates, landfall.projects",
            "reporting, reporting, KAFKA_REPORTING_PASSWORD, '', landfall.projects landfall.project-updates landfall.plans"})
    @SuppressWarnings("unchecked")
    void shouldLetEachServiceWriteOnlyItsOwnTopicsAsItsOwnPrincipal(String module, String principal, String password,
            String writes, String reads) throws IOException {
        Map<String, Object> kafka = (Map<String, Object>) services().get("kafka");
        Map<String, Object> broker = (Map<String, Object>) kafka.get("environment");
        assertFalse(String.valueOf(broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains(":PLAINTEXT"),
                "every listener takes SASL");
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", broker.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("false", String.valueOf(broker.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")));
        assertEquals("User:admin", broker.get("KAFKA_SUPER_USERS"));
        String users = String.valueOf(broker.get("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_PLAIN_SASL_JAAS_CONFIG"));
        assertTrue(users.contains("user_" + principal + "=\"${" + password + ":?"), users);

        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services().get(module)).get("environment");
        assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("PLAIN", env.get("KAFKA_SASL_MECHANISM"));
        String jaas = String.valueOf(env.get("KAFKA_SASL_JAAS_CONFIG"));
        assertTrue(jaas.contains("username=\"" + principal + "\" password=\"${" + password + ":?"),
                module + " must need its own password, without a default: " + jaas);
        assertEquals("service_completed_successfully",
                ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) services().get(module))
                        .get("depends_on")).get("kafka-acls")).get("condition"));

        String group = applicationProperties(module).getProperty("quarkus.application.name");
        String acls = Files.readString(ROOT.resolve("deploy/kafka-acls.sh"));
        assertTrue(acls.contains("\ngrant " + principal + " " + group + " \"" + writes + "\" \"" + reads + "\"\n"),
                "deploy/kafka-acls.sh must grant " + principal + " writes to [" + writes + "] and reads of [" + reads + "]");
    }
}
