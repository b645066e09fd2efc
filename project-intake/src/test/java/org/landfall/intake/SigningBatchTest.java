package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Signings that arrive together are stored together (Signings): each keeps its own answer, and codes have no gaps. */
@QuarkusTest
class SigningBatchTest {

    private static final String QINGHAI_2016 = "QH-2016-";

    private static String contract(String name, String... more) {
        List<String> members = new ArrayList<>(List.of("province", "\"Qinghai\"", "signedOn", "\"2016-04-01\""));
        members.addAll(List.of(more));
        return Api.contract(name, members.toArray(String[]::new));
    }

    @Test
    void shouldNumberTheStoredSigningsWithoutGapsWhateverTheOthersOfTheirBatchesGet() throws Exception {
        String twin = Api.unique("Batch twin");
        List<String> keys = IntStream.range(0, 36).mapToObj(i -> UUID.randomUUID().toString()).toList();
        // Six kinds, each half with an idempotency key: stored; one of many twins stored, the others 409; a rule
        // broken (422).
        List<Response> answers = Parallel.run(36, i -> {
            String body = switch (i % 3) {
                case 0 -> contract(Api.unique("Batch " + i));
                case 1 -> contract(twin);
                default -> contract(Api.unique("Batch late start " + i), "plannedStartOn", "\"2016-03-01\"");
            };
            return (i % 2 == 0 ? Api.officer().header("Idempotency-Key", keys.get(i)) : Api.officer())
                    .body(body).when().post("/api/projects");
        });

        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Response r = answers.get(i);
            switch (i % 3) {
                case 0 -> {
                    assertEquals(201, r.statusCode(), r.asString());
                    codes.add(r.path("code"));
                }
                case 1 -> {
                    if (r.statusCode() == 201) {
                        codes.add(r.path("code"));
                    } else {
                        assertEquals(409, r.statusCode(), r.asString());
                    }
                }
                default -> assertEquals(422, r.statusCode(), r.asString());
            }
        }
        assertEquals(12 + 1, codes.size(), codes.toString());
        assertEquals(IntStream.rangeClosed(1, 13).mapToObj(n -> QINGHAI_2016 + String.format("%06d", n))
                .collect(Collectors.toCollection(TreeSet::new)), codes);
        // a refused request's key is free again: the same key with a valid contract is a new signing
        int refused = IntStream.range(0, 36).filter(i -> i % 2 == 0 && i % 3 == 2).findFirst().orElseThrow();
        Api.officer().header("Idempotency-Key", keys.get(refused)).body(contract(Api.unique("Batch after refusal")))
                .when().post("/api/projects").then().statusCode(201)
                .header("Idempotent-Replayed", "false");
    }
}
