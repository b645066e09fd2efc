package org.landfall.intake.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The filters of the project listing; a null filter matches everything, and so do no designations (else a
 * project matches with any of them).
 */
public record ProjectFilter(String province, String city, String district, String sector, LocalDate signedFrom,
                            LocalDate signedTo, String q, List<String> designations, String park,
                            BigDecimal minContractValue) {
}
