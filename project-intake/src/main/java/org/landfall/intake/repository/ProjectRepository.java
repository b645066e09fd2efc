package org.landfall.intake.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.landfall.intake.domain.Project;
import org.landfall.platform.rest.Params;

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

    /**
     * Serialises the writers of one duplicate key until the end of their transactions, so that of two racing
     * entries of the same contract the second sees the first and gets a 409 naming it (the unique index is
     * only the backstop).
     */
    public void lockDuplicateKey(String duplicateKey) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", duplicateKey).getSingleResult();
    }

    public Optional<UUID> findIdByDuplicateKey(String duplicateKey) {
        return find("duplicateKey", duplicateKey).firstResultOptional().map(p -> p.id);
    }

    public Optional<Project> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Project> search(ProjectFilter filter, int page, int size) {
        Query q = where(filter);
        return find(q.jpql, Sort.descending("signedOn").and("code"), q.params).page(Page.of(page, size)).list();
    }

    public long count(ProjectFilter filter) {
        Query q = where(filter);
        return count(q.jpql, q.params);
    }

    private record Query(String jpql, Map<String, Object> params) {
    }

    /**
     * Places, sector and park match case-insensitively; {@code q} is a case-insensitive substring of name or
     * investor; designations are codes, matched exactly; a region matches its code and the codes inside it.
     */
    private static Query where(ProjectFilter f) {
        StringBuilder jpql = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        equalsIgnoringCase(jpql, params, "province", f.province());
        equalsIgnoringCase(jpql, params, "city", f.city());
        equalsIgnoringCase(jpql, params, "district", f.district());
        equalsIgnoringCase(jpql, params, "sector", f.sector());
        equalsIgnoringCase(jpql, params, "park", f.park());
        if (!f.designations().isEmpty()) {
            jpql.append(" and array_intersects(designations, :designations)");
            // An array, not a list: Hibernate would expand a list into one parameter per element.
            params.put("designations", f.designations().toArray(String[]::new));
        }
        if (f.region() != null) {
            inside(jpql, params, "region", f.region().codePrefix());
        }
        f.within().codePrefix().ifPresent(prefix -> inside(jpql, params, "within", prefix));
        if (f.minContractValue() != null) {
            jpql.append(" and contractValue >= :minContractValue");
            params.put("minContractValue", f.minContractValue());
        }
        if (f.signedFrom() != null) {
            jpql.append(" and signedOn >= :signedFrom");
            params.put("signedFrom", f.signedFrom());
        }
        if (f.signedTo() != null) {
            jpql.append(" and signedOn <= :signedTo");
            params.put("signedTo", f.signedTo());
        }
        if (f.q() != null) {
            jpql.append(" and (lower(name) like :q escape '\\' or lower(investor) like :q escape '\\')");
            params.put("q", Params.containing(f.q()));
        }
        return new Query(jpql.toString(), params);
    }

    /** The region codes that begin with {@code prefix}: a range, which the index on region_code serves. */
    private static void inside(StringBuilder jpql, Map<String, Object> params, String name, String prefix) {
        jpql.append(" and regionCode between :").append(name).append("From and :").append(name).append("To");
        params.put(name + "From", (prefix + "000000").substring(0, 6));
        params.put(name + "To", (prefix + "999999").substring(0, 6));
    }

    private static void equalsIgnoringCase(StringBuilder jpql, Map<String, Object> params, String field, String value) {
        if (value != null) {
            jpql.append(" and lower(").append(field).append(") = :").append(field);
            params.put(field, value.toLowerCase(Locale.ROOT));
        }
    }
}
