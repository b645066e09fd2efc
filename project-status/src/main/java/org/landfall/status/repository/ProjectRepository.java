package org.landfall.status.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.landfall.events.Stage;
import org.landfall.platform.rest.Params;
import org.landfall.status.domain.TrackedProject;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<TrackedProject, UUID> {

    /** The project, locked until the transaction ends: two inspectors' updates are checked one after the other. */
    public Optional<TrackedProject> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Places and sector match case-insensitively; {@code q} is a case-insensitive substring of name, code or investor. */
    public PanacheQuery<TrackedProject> search(Stage stage, String province, String city, String sector, String q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q != null) {
            where.add("(lower(name) like :q escape '\\' or lower(code) like :q escape '\\' or lower(investor) like :q escape '\\')");
            params.put("q", Params.containing(q));
        }
        if (stage != null) {
            where.add("stage = :stage");
            params.put("stage", stage);
        }
        for (var filter : Map.of("province", nullable(province), "city", nullable(city), "sector", nullable(sector)).entrySet()) {
            filter.getValue().ifPresent(value -> {
                where.add("lower(" + filter.getKey() + ") = lower(:" + filter.getKey() + ")");
                params.put(filter.getKey(), value);
            });
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("signedOn", Sort.Direction.Descending).and("code"), params);
    }

    private static Optional<String> nullable(String s) {
        return Optional.ofNullable(s);
    }
}
