package org.landfall.intake.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.landfall.platform.security.Jurisdiction;
import org.landfall.regions.Region;

/**
 * The filters of the project listing; a null filter matches everything, and so do no designations (else a
 * project matches with any of them). {@code region}: the projects whose region code is its code or lies inside it.
 * {@code within}: the caller's jurisdiction, whose projects alone a listing shows (the whole country: all, those
 * without a code too).
 */
public record ProjectFilter(String province, String city, String district, String sector, LocalDate signedFrom,
                            LocalDate signedTo, String q, List<String> designations, String park,
                            BigDecimal minContractValue, Region region, Jurisdiction within) {
}
