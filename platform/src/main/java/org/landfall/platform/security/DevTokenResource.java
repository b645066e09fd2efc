package org.landfall.platform.security;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.rest.Params;

/**
 * The role picker of the pages in the local run: which roles it offers, and a development token for one. Where
 * no development key is configured (always in production) both answer 404, and the pages ask for a token.
 */
@Path("/dev/tokens")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class DevTokenResource {

    /** The body of the POST: the role to sign in as, and its jurisdiction (a GB/T 2260 code; none: the whole country). */
    public record TokenRequest(String role, String jurisdiction) {
    }

    @Inject
    DevTokenMinter minter;

    @GET
    public Map<String, List<String>> roles() {
        requireAvailable();
        return Map.of("roles", minter.roles());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response mint(TokenRequest request) {
        requireAvailable();
        String role = request == null ? null : request.role();
        if (role == null || !minter.roles().contains(role)) {
            throw ProblemException.unprocessable("role", ProblemText.MUST_BE_ONE_OF.with(String.join(", ", minter.roles())));
        }
        String code = Params.regionCode("jurisdiction", request.jurisdiction());
        Jurisdiction jurisdiction = code == null ? Jurisdiction.WHOLE_COUNTRY : Jurisdiction.of(code);
        // A token is a credential: no cache may keep it.
        return Response.ok(minter.mint(role, jurisdiction)).header("Cache-Control", "no-store").build();
    }

    private void requireAvailable() {
        if (!minter.available()) {
            throw ProblemException.notFound(ProblemText.NO_DEV_TOKENS.with());
        }
    }
}
