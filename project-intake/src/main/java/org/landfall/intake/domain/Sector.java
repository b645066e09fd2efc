package org.landfall.intake.domain;

import java.util.Arrays;
import java.util.Optional;

/** The sectors (industrial chains) a contract is filed under; {@code code} is what the API reads and writes. */
public enum Sector {
    NEW_ENERGY("new-energy", "New energy"),
    NEW_MATERIALS("new-materials", "New materials"),
    EQUIPMENT_MANUFACTURING("equipment-manufacturing", "Equipment manufacturing"),
    AUTOMOBILES("automobiles", "Automobiles"),
    BIOMEDICINE("biomedicine", "Biomedicine"),
    ELECTRONICS_INFORMATION("electronics-information", "Electronics and information"),
    CHEMICALS("chemicals", "Chemicals"),
    AGRICULTURE_FOOD("agriculture-food", "Agriculture and food"),
    LOGISTICS("logistics", "Logistics"),
    TOURISM_CULTURE("tourism-culture", "Tourism and culture"),
    REAL_ESTATE_URBAN("real-estate-urban", "Real estate and urban development"),
    ENERGY_POWER("energy-power", "Energy and power"),
    OTHER("other", "Other");

    private final String code;
    private final String displayName;

    Sector(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Sector> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
