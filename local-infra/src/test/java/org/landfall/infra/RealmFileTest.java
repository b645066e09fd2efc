package org.landfall.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher reads from a realm file: its users' roles, jurisdictions and password placeholders. */
class RealmFileTest {

    static final String ROLES = """
            "roles": {"realm": [{"name": "analyst"}, {"name": "admin"}]}""";

    @TempDir
    Path dir;

    Path file(String json) throws IOException {
        Path f = dir.resolve("realm.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void shouldResolveEachUsersPasswordPlaceholderAndLeaveKeycloaksMessageKeysAlone() throws IOException {
        RealmFile realm = RealmFile.read(file("""
                {"realm": "landfall", %s,
                 "users": [
                  {"username": "analyst-heilongjiang", "realmRoles": ["analyst", "default-roles-landfall"],
                   "attributes": {"jurisdiction": ["230000"]},
                   "credentials": [{"type": "password", "value": "${LANDFALL_PASSWORD_ANALYST}"}]},
                  {"username": "admin", "realmRoles": ["admin"], "credentials": [{"type": "password", "value": "fixed"}]}],
                 "components": {"x": [{"config": {"c": ["{\\"displayName\\": \\"${username}\\"}"]}}]}}
                """.formatted(ROLES)));

        assertEquals("landfall", realm.realm());
        assertEquals(List.of("LANDFALL_PASSWORD_ANALYST"), realm.placeholders());
        assertEquals(List.of(new DemoUser("analyst-heilongjiang", "analyst", "230000", "s3cret"),
                        new DemoUser("admin", "admin", DemoUser.WHOLE_COUNTRY, "fixed")),
                realm.users(Map.of("LANDFALL_PASSWORD_ANALYST", "s3cret")::get));
    }

    @Test
    void shouldFingerprintThePasswordsItImportsSoThatANewPasswordMeansANewImport() throws IOException {
        RealmFile realm = RealmFile.read(file("""
                {"realm": "landfall", %s, "users": [{"username": "a", "realmRoles": ["admin"],
                 "credentials": [{"type": "password", "value": "${P}"}]}]}""".formatted(ROLES)));
        String first = realm.fingerprint(Map.of("P", "one", "UNRELATED", "x"));
        assertEquals(first, realm.fingerprint(Map.of("P", "one", "UNRELATED", "y")));
        assertNotEquals(first, realm.fingerprint(Map.of("P", "two")));
    }

    @Test
    void shouldRefuseAUserWithoutExactlyOneLandfallRole() throws IOException {
        Path twoRoles = file("""
                {"realm": "landfall", %s, "users": [{"username": "both", "realmRoles": ["admin", "analyst"],
                 "credentials": [{"type": "password", "value": "p"}]}]}""".formatted(ROLES));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RealmFile.read(twoRoles));
        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }

    @Test
    void shouldGiveEachUserOfTheRepositorysRealmAPasswordOfTheirOwn() throws IOException {
        RealmFile realm = RealmFile.read(Path.of(System.getProperty("landfall.root", "..")).resolve("keycloak/landfall-realm.json"));
        assertEquals(realm.accounts().size(), realm.placeholders().size());
    }

    @Test
    void shouldMakePasswordsThatAreReadAloudWithoutAmbiguity() {
        String p = KeycloakServer.newPassword();
        assertTrue(p.matches("[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}-[a-km-np-z2-9]{4}"), p);
        assertNotEquals(p, KeycloakServer.newPassword());
    }
}
