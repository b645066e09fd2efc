package org.landfall.intake.repository;

import java.time.LocalDate;

/** The filters of the project listing; a null filter matches everything. */
public record ProjectFilter(String province, String city, String district, String sector, LocalDate signedFrom,
                            LocalDate signedTo, String q) {
}
