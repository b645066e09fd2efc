package org.landfall.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm file of the repository ({@code keycloak/landfall-realm.json}), which Keycloak imports at start in the
 * local run and in docker-compose. Its users' passwords are placeholders ({@code ${LANDFALL_PASSWORD_ADMIN}}) that
 * Keycloak resolves from its environment at import, so that the file holds no password: the launcher generates
 * one per placeholder and state directory, docker-compose takes them from its operator.
 */
final class RealmFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** A user of the file; {@code password} is the credential's value, a placeholder or a literal. */
    record Account(String username, String role, String jurisdiction, String password) {
    }

    private final String realm;
    private final List<Account> accounts;
    private final byte[] content;

    private RealmFile(String realm, List<Account> accounts, byte[] content) {
        this.realm = realm;
        this.accounts = accounts;
        this.content = content;
    }

    static RealmFile read(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        JsonNode root = new ObjectMapper().readTree(content);
        String realm = root.path("realm").asText();
        if (realm.isEmpty() || PLACEHOLDER.matcher(realm).find()) {
            throw new IllegalStateException(file + ": the realm needs a literal name");
        }
        Set<String> roles = new HashSet<>();
        root.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : root.path("users")) {
            String username = user.path("username").asText();
            List<String> own = new ArrayList<>();
            user.path("realmRoles").forEach(r -> {
                if (roles.contains(r.asText())) {
                    own.add(r.asText());
                }
            });
            if (own.size() != 1) {
                throw new IllegalStateException(file + ": user " + username + " needs exactly one of the roles " + roles
                        + ", has " + own);
            }
            JsonNode jurisdiction = user.path("attributes").path("jurisdiction");
            String password = null;
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            if (password == null) {
                throw new IllegalStateException(file + ": user " + username + " has no password");
            }
            accounts.add(new Account(username, own.get(0),
                    jurisdiction.isArray() && !jurisdiction.isEmpty() ? jurisdiction.get(0).asText() : DemoUser.WHOLE_COUNTRY,
                    password));
        }
        return new RealmFile(realm, List.copyOf(accounts), content);
    }

    String realm() {
        return realm;
    }

    List<Account> accounts() {
        return accounts;
    }

    /**
     * The environment variables the users' passwords name, in the order of the users. (Other {@code ${...}} in the
     * file are Keycloak's message keys, such as the user profile's {@code ${username}}, which Keycloak leaves alone
     * when no variable has that name.)
     */
    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (Account a : accounts) {
            Matcher m = PLACEHOLDER.matcher(a.password());
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The demo users with their passwords: a placeholder resolved through {@code environment}. */
    List<DemoUser> users(UnaryOperator<String> environment) {
        return accounts.stream().map(a -> new DemoUser(a.username(), a.role(), a.jurisdiction(), resolve(a.password(), environment)))
                .toList();
    }

    /** What an import of this file into Keycloak depends on: its text and the values of its placeholders. */
    String fingerprint(Map<String, String> environment) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(content);
            List<String> placeholders = placeholders();
            new TreeMap<>(environment).forEach((k, v) -> {
                if (placeholders.contains(k)) {
                    sha.update(("\n" + k + "=" + v).getBytes(StandardCharsets.UTF_8));
                }
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resolve(String value, UnaryOperator<String> environment) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = environment.apply(m.group(1));
            if (v == null) {
                throw new IllegalStateException("no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
