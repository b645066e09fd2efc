package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;

/** A project as status tracks it: the contract fields it needs and where the project stands now. */
@Entity
@Table(name = "project")
public class TrackedProject extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public int revision;
    public String name;
    public String investor;
    public String province;
    public String city;
    public String district;
    public String sector;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "contract_value")
    public BigDecimal contractValue;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @Column(name = "stage_since")
    public LocalDate stageSince;
    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    public Stage suspendedFrom;
    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;
    @Column(name = "jobs_created")
    public Long jobsCreated;
    @Column(name = "progress_percent")
    public Integer progressPercent;

    /** Takes the contract of a snapshot; a project still SIGNED follows a corrected signing date. */
    public void take(ProjectSnapshot s) {
        code = s.code();
        revision = s.revision();
        name = s.name();
        investor = s.investor();
        province = s.province();
        city = s.city();
        district = s.district();
        sector = s.sector();
        contractValue = s.contractValue();
        if (stage == null || stage == Stage.SIGNED && stageSince.equals(signedOn)) {
            stage = Stage.SIGNED;
            stageSince = s.signedOn();
        }
        signedOn = s.signedOn();
    }
}
