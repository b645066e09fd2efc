package org.landfall.intake.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.landfall.intake.domain.Project;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /** The next number of a code prefix and year; the row lock makes concurrent signings get distinct numbers. */
    public int nextCodeNumber(String prefix, int year) {
        return ((Number) getEntityManager().createNativeQuery(
                        "insert into project_code_sequence (prefix, year, last_value) values (:prefix, :year, 1) "
                                + "on conflict (prefix, year) do update set last_value = project_code_sequence.last_value + 1 "
                                + "returning last_value")
                .setParameter("prefix", prefix).setParameter("year", year)
                .getSingleResult()).intValue();
    }
}
