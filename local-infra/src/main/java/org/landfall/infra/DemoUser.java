package org.landfall.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A person of the local run's Keycloak realm, as {@code ./landfall users} prints them: one a line, tab-separated
 * {@code username role jurisdiction password}. The jurisdiction is a GB/T 2260 code ({@code 000000}: the whole
 * country).
 */
public record DemoUser(String username, String role, String jurisdiction, String password) {

    public static final String WHOLE_COUNTRY = "000000";

    public String line() {
        return String.join("\t", username, role, jurisdiction, password);
    }

    /** The users file the launcher writes beside Keycloak's state ({@code keycloak.users} of its SSO-READY line). */
    public static List<DemoUser> read(Path usersFile) throws IOException {
        return Files.readAllLines(usersFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .map(f -> new DemoUser(f[0], f[1], f[2], f[3]))
                .toList();
    }
}
