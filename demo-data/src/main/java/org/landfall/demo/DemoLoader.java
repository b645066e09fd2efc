package org.landfall.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.landfall.infra.DevTokens;

/**
 * Loads demo projects through the services' public API, as an intake officer and a site inspector would:
 * {@code load} the seed articles' projects, or {@code generate --projects N --seed S} synthetic ones. Loading
 * twice adds nothing: each contract carries an Idempotency-Key, and a project that already exists keeps its
 * updates.
 * <pre>java -jar demo-data/target/demo-data.jar load|generate [--intake URL] [--status URL] [--projects N] [--seed S]</pre>
 */
public final class DemoLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intake;
    private final String status;
    private final String officer = DevTokens.token("demo-loader", "intake-officer");
    private final String inspector = DevTokens.token("demo-inspector", "site-inspector");

    DemoLoader(String intake, String status) {
        this.intake = intake;
        this.status = status;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        DemoLoader loader = new DemoLoader(options.getOrDefault("--intake", "http://127.0.0.1:8081"),
                options.getOrDefault("--status", "http://127.0.0.1:8082"));
        List<DemoProject> projects = switch (args.length == 0 ? "" : args[0]) {
            case "load" -> SeedProjects.all();
            case "generate" -> SyntheticProjects.generate(Integer.parseInt(options.getOrDefault("--projects", "1000")),
                    Long.parseLong(options.getOrDefault("--seed", "1")));
            default -> {
                System.err.println("usage: load|generate [--intake URL] [--status URL] [--projects N] [--seed S]");
                System.exit(2);
                yield List.of();
            }
        };
        Result r = loader.load(projects);
        System.out.printf("demo data: %d projects created, %d already there, %d updates posted, %d refused%n",
                r.created, r.existing, r.updates, r.refused);
        System.exit(r.refused == 0 ? 0 : 1);
    }

    record Result(int created, int existing, int updates, int refused) {
    }

    Result load(List<DemoProject> projects) throws Exception {
        int existing = 0, refused = 0, updates = 0;
        Map<String, DemoProject> created = new LinkedHashMap<>();
        for (DemoProject p : projects) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(intake + "/api/projects"))
                    .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-" + p.key)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(p.contract))).build());
            JsonNode body = JSON.readTree(r.body());
            boolean replayed = r.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false);
            if (r.statusCode() == 201 && !replayed) {
                created.put(body.get("id").asText(), p);
            } else if (r.statusCode() == 201 || r.statusCode() == 409 && body.has("existingProjectId")) {
                existing++;
            } else {
                refused++;
                System.err.printf("demo project %s refused: %d %s%n", p.key, r.statusCode(), r.body());
            }
        }
        awaitKnownToStatus(new ArrayList<>(created.keySet()));
        for (var e : created.entrySet()) {
            for (Map<String, Object> update : e.getValue().updates) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(status + "/api/projects/" + e.getKey() + "/updates"))
                        .header("Authorization", "Bearer " + inspector).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))).build());
                if (r.statusCode() == 201) {
                    updates++;
                } else {
                    refused++;
                    System.err.printf("update of %s refused: %d %s%n", e.getValue().key, r.statusCode(), r.body());
                }
            }
        }
        return new Result(created.size(), existing, updates, refused);
    }

    /** Status learns projects from intake's events; updates before that would be a 404. */
    private void awaitKnownToStatus(List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            while (send(HttpRequest.newBuilder(URI.create(status + "/api/projects/" + id + "/status"))
                    .header("Authorization", "Bearer " + inspector).GET().build()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("project-status did not learn project " + id + " within 60 s");
                }
                Thread.sleep(50);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
