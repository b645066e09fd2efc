package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.landfall.events.Stage;
import org.landfall.intake.domain.Sector;
import org.landfall.intake.domain.StageChange;
import org.landfall.intake.rest.Oc4ids;

/** Landfall's stages and sectors on the OC4IDS codelists (the closed projectStatus, the open projectSector). */
class Oc4idsMappingTest {

    static List<StageChange> changes(Stage... stages) {
        return Arrays.stream(stages).map(s -> new StageChange(s, LocalDate.of(2023, 1, 1), Instant.EPOCH)).toList();
    }

    @Test
    void shouldMapEachStageToAProjectStatusAndASuspensionToThePhaseItInterrupts() {
        assertEquals("preparation", Oc4ids.status(changes()));
        assertEquals("preparation", Oc4ids.status(changes(Stage.SUSPENDED)));
        assertEquals("implementation", Oc4ids.status(changes(Stage.STARTED)));
        assertEquals("implementation", Oc4ids.status(changes(Stage.STARTED, Stage.SUSPENDED)));
        assertEquals("implementation", Oc4ids.status(changes(Stage.STARTED, Stage.SUSPENDED, Stage.STARTED)));
        assertEquals("completion", Oc4ids.status(changes(Stage.STARTED, Stage.OPERATIONAL)));
        assertEquals("cancelled", Oc4ids.status(changes(Stage.SUSPENDED, Stage.CANCELLED)));
    }

    @Test
    void shouldMapEverySectorToACodeOfTheProjectSectorCodelist() {
        Set<String> codelist = Set.of("education", "health", "energy", "communications", "waterAndWaste", "governance",
                "economy", "cultureSportsAndRecreation", "transport", "socialHousing");
        for (Sector s : Sector.values()) {
            assertEquals(true, codelist.contains(Oc4ids.projectSector(s)), s.code());
        }
        assertEquals("energy", Oc4ids.projectSector(Sector.NEW_ENERGY));
        assertEquals("transport", Oc4ids.projectSector(Sector.LOGISTICS));
    }
}
