package org.landfall.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;

/**
 * Keycloak with the repository's realm for the tests that sign people in: started by the first test that asks,
 * in this JVM, with a PostgreSQL of its own, and stopped with the JVM. Its state (the built distribution, the
 * database with the imported realm, the generated passwords) lives in local-infra's {@code target/keycloak-test}, so
 * that only the first run after a clean unpacks and builds Keycloak and imports the realm; a later run starts it
 * alone (see docs/security.md for what each costs). The realm is imported afresh whenever its file changed.
 */
public final class TestKeycloak {

    /**
     * The running Keycloak: its address, the realm's issuer, the demo users with their passwords, and the password of
     * the admin console's {@code keycloak-admin} (master realm), for tests that change the realm through its API.
     */
    public record Endpoints(String url, String issuer, List<DemoUser> users, String consoleAdminPassword) {

        public DemoUser user(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no demo user " + username + " in " + users));
        }
    }

    private static Endpoints endpoints;

    private TestKeycloak() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            // local-infra/target/classes (or target/local-infra.jar): the module is two levels up, the repository three
            Path target = Launcher.moduleOutput().getParent();
            Path realm = target.getParent().getParent().resolve("keycloak/landfall-realm.json");
            Map<String, String> sso = Launcher.start(target.resolve("keycloak-test"), Map.of(),
                            "--no-kafka", "--pg-port", "0", "--fast", "--databases", "postgres",
                            "--keycloak-port", "0", "--keycloak-realm", realm.toString())
                    .await(LocalInfra.SSO_READY, LocalInfra.SSO_FAILED);
            Path users = Path.of(sso.get(LocalInfra.KEYCLOAK_USERS));
            try (Reader passwords = Files.newBufferedReader(users.resolveSibling("passwords.properties"))) {
                Properties consolePassword = new Properties();
                consolePassword.load(passwords);
                endpoints = new Endpoints(sso.get(LocalInfra.KEYCLOAK_URL), sso.get(LocalInfra.KEYCLOAK_ISSUER),
                        DemoUser.read(users), consolePassword.getProperty(KeycloakServer.CONSOLE_ADMIN));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the demo users", e);
            }
        }
        return endpoints;
    }
}
