package org.landfall.intake.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;

/** A signed investment contract as intake holds it, at its latest revision. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public int revision;
    public String name;
    public String investor;
    public String province;
    public String city;
    public String district;
    /** The GB/T 2260 code of the place (see {@link Places}); null when the names match no code. */
    @Column(name = "region_code")
    public String regionCode;
    public String sector;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "contract_value")
    public BigDecimal contractValue;
    @Column(name = "planned_jobs")
    public Integer plannedJobs;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "planned_capacity")
    public Amount plannedCapacity;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProjectSnapshot.Phase> phases;
    @Column(name = "planned_start_on")
    public LocalDate plannedStartOn;
    @Column(name = "planned_operational_on")
    public LocalDate plannedOperationalOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public ProjectSnapshot.Source source;
    /** Codes of {@link Designation}, in its order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> designations;
    public String park;
    @Column(name = "expected_annual_sales")
    public BigDecimal expectedAnnualSales;
    @Column(name = "expected_annual_profit")
    public BigDecimal expectedAnnualProfit;
    @Column(name = "expected_annual_tax")
    public BigDecimal expectedAnnualTax;
    @Column(name = "duplicate_key")
    public String duplicateKey;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public ProjectSnapshot snapshot() {
        return new ProjectSnapshot(id, code, revision, name, investor, province, city, district, sector, signedOn,
                contractValue, plannedJobs, plannedCapacity, phases, plannedStartOn, plannedOperationalOn, source,
                createdAt, createdBy, designations, park, expectedAnnualSales, expectedAnnualProfit, expectedAnnualTax,
                regionCode);
    }

    /** The contract as it stands at this revision. */
    public Contract contract() {
        return new Contract(name, investor, province, city, district, sector, signedOn, contractValue, plannedJobs,
                plannedCapacity, phases, plannedStartOn, plannedOperationalOn, source, designations, park,
                expectedAnnualSales, expectedAnnualProfit, expectedAnnualTax, regionCode);
    }

    /** Takes the facts of {@code c}, which the rules have accepted; id, code, revision and creation stay. */
    public void apply(Contract c) {
        name = c.name();
        investor = c.investor();
        province = c.province();
        city = c.city();
        district = c.district();
        regionCode = c.regionCode();
        sector = c.sector();
        signedOn = c.signedOn();
        contractValue = c.contractValue();
        plannedJobs = c.plannedJobs();
        plannedCapacity = c.plannedCapacity();
        phases = c.phases();
        plannedStartOn = c.plannedStartOn();
        plannedOperationalOn = c.plannedOperationalOn();
        source = c.source();
        designations = c.designations();
        park = c.park();
        expectedAnnualSales = c.expectedAnnualSales();
        expectedAnnualProfit = c.expectedAnnualProfit();
        expectedAnnualTax = c.expectedAnnualTax();
        duplicateKey = c.duplicateKey();
    }
}
