package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.repository.StoredDuplicateKeys;

/** The migration V8 gives projects stored with the old keys (not in NFKC form) the key a new contract gets. */
@QuarkusTest
class StoredDuplicateKeysTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 2, 15);
    static final String INVESTOR = "Fengfan Co., Ltd.";

    @Inject
    DataSource database;

    @Test
    void shouldGiveOldKeysTheirNormalFormAndKeepAFullWidthTwinApart() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String plain = "Twin " + tag;
        String fullWidth = "Ｔｗｉｎ " + tag;
        String alone = "Ａｌｏｎｅ " + tag;
        String first = Api.sign(Api.contract(plain));
        String twin = Api.sign(Api.contract("Second " + tag));
        String single = Api.sign(Api.contract("Third " + tag));
        try (Connection c = database.getConnection()) {
            storedTheOldWay(c, twin, fullWidth);
            storedTheOldWay(c, single, alone);

            StoredDuplicateKeys.recompute(c);

            assertEquals(Contract.duplicateKey(INVESTOR, plain, SIGNED), key(c, first), "the earlier keeps the key");
            assertEquals(Contract.duplicateKey(INVESTOR, plain, SIGNED) + "|" + twin, key(c, twin),
                    "the later twin stays, apart");
            assertEquals(Contract.duplicateKey(INVESTOR, "Alone " + tag, SIGNED), key(c, single));
        }
        // the normal form now finds the full-width contract
        Api.officer().body(Api.contract("ALONE " + tag)).post("/api/projects").then().statusCode(409);
    }

    /** As intake stored it before V8: the name as typed, the key lower-cased but not normalised. */
    private static void storedTheOldWay(Connection c, String id, String name) throws Exception {
        try (PreparedStatement update = c.prepareStatement("update project set name = ?, duplicate_key = ? where id = ?")) {
            update.setString(1, name);
            update.setString(2, INVESTOR.toLowerCase() + "|" + name.toLowerCase() + "|" + SIGNED);
            update.setObject(3, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    private static String key(Connection c, String id) throws Exception {
        try (PreparedStatement select = c.prepareStatement("select duplicate_key from project where id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
