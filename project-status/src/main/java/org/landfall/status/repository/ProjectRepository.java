package org.landfall.status.repository;

import java.util.ArrayList;
import java.util.Collection;
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
import org.landfall.platform.rest.Params;
import org.landfall.status.domain.TrackedProject;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<TrackedProject, UUID> {

    /** The project, locked until the transaction ends: two inspectors' updates are checked one after the other. */
    public Optional<TrackedProject> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Those of the projects {@code ids} that are held, by id, locked as {@link #findForUpdate} locks one. */
    public Map<UUID, TrackedProject> findForUpdate(Collection<UUID> ids) {
        Map<UUID, TrackedProject> found = new HashMap<>();
        find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(p -> found.put(p.id(), p));
        return found;
    }

    /**
     * Places and sector match case-insensitively, a region by its code's prefix; {@code q} is a case-insensitive
     * substring of name, code or investor.
     */
    public PanacheQuery<TrackedProject> search(ProjectFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.q() != null) {
            where.add("(lower(name) like :q escape '\\' or lower(code) like :q escape '\\' or lower(investor) like :q escape '\\')");
            params.put("q", Params.containing(filter.q()));
        }
        if (!filter.stages().isEmpty()) {
            where.add("stage in :stages");
            params.put("stages", filter.stages());
        }
        if (filter.region() != null) {
            where.add("regionCode like :region");
            params.put("region", filter.region().codePrefix() + "%");
        }
        filter.within().codePrefix().ifPresent(prefix -> {
            where.add("regionCode like :within");
            params.put("within", prefix + "%");
        });
        for (var place : Map.of("province", nullable(filter.province()), "city", nullable(filter.city()),
                "district", nullable(filter.district()), "sector", nullable(filter.sector())).entrySet()) {
            place.getValue().ifPresent(value -> {
                where.add("lower(" + place.getKey() + ") = lower(:" + place.getKey() + ")");
                params.put(place.getKey(), value);
            });
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("signedOn", Sort.Direction.Descending).and("code"), params);
    }

    private static Optional<String> nullable(String s) {
        return Optional.ofNullable(s);
    }
}
