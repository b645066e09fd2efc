package org.landfall.infra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a person in at Keycloak the way a browser does for the pages: the authorization code flow with PKCE
 * (S256) of the public client {@code landfall-pages}, the person's username and password typed into Keycloak's
 * login form, and the code exchanged for tokens. No password grant: the realm's clients do not allow one.
 * For tests and scripts against a local Keycloak; it reads the form of Keycloak's own login theme.
 */
public final class KeycloakLogin {

    public static final String PAGES_CLIENT = "landfall-pages";
    /** Intake's page, one of the client's redirect addresses; nothing needs to listen there. */
    public static final String PAGES_REDIRECT = "http://127.0.0.1:8081/";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String issuer;
    private final String clientId;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /**
     * Keycloak's session cookies are {@code Secure}, which browsers honour on loopback over plain HTTP but Java's
     * CookieManager does not (it sends them over https only): the login form's cookies are kept here instead.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public KeycloakLogin(String issuer, String clientId, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** As the pages sign in. */
    public static KeycloakLogin pages(String issuer) {
        return new KeycloakLogin(issuer, PAGES_CLIENT, PAGES_REDIRECT);
    }

    /** The access token of a fresh sign-in of {@code username}. */
    public static String accessToken(String issuer, String username, String password) {
        return accessTokenOf(pages(issuer).signIn(username, password));
    }

    public static String accessTokenOf(String tokenResponse) {
        Matcher m = ACCESS_TOKEN.matcher(tokenResponse);
        if (!m.find()) {
            throw new IllegalStateException("no access token in " + tokenResponse);
        }
        return m.group(1);
    }

    /**
     * Signs in and returns the token endpoint's answer (JSON: access_token, id_token, refresh_token, ...).
     *
     * @throws IllegalStateException Keycloak refused the person (wrong password, disabled) or the client's request
     */
    public String signIn(String username, String password) {
        try {
            String verifier = random(48);
            String state = random(16);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", clientId);
            query.put("response_type", "code");
            query.put("scope", "openid");
            query.put("redirect_uri", redirectUri);
            query.put("state", state);
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?"
                    + form(query))));
            Matcher action = LOGIN_FORM.matcher(page.body());
            if (page.statusCode() != 200 || !action.find()) {
                throw new IllegalStateException("no login form (HTTP " + page.statusCode() + " "
                        + page.headers().firstValue("Location").orElse("") + ")");
            }
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))));
            Optional<String> location = login.headers().firstValue("Location");
            Map<String, String> answer = location.map(KeycloakLogin::queryOf).orElse(Map.of());
            if (login.statusCode() != 302 || !answer.containsKey("code")) {
                throw new IllegalStateException("sign-in of " + username + " refused (HTTP " + login.statusCode()
                        + location.map(l -> " " + l).orElse("") + ")");
            }
            if (!state.equals(answer.get("state"))) {
                throw new IllegalStateException("the state came back changed: " + location.get());
            }
            HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "client_id", clientId, "code", answer.get("code"), "redirect_uri", redirectUri,
                            "code_verifier", verifier)))));
            if (tokens.statusCode() != 200) {
                throw new IllegalStateException("the token endpoint refused the code: HTTP " + tokens.statusCode() + " " + tokens.body());
            }
            return tokens.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends with the cookies Keycloak set so far, and keeps those it sets now (all under the realm's path). */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(eq + 1).isBlank()) {
                cookies.remove(pair.substring(0, eq).trim()); // Keycloak's way of deleting one
            } else if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    /** The parameters of an address's query (the redirect carrying the code, or an error). */
    public static Map<String, String> queryOf(String address) {
        String query = URI.create(address).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return values;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
