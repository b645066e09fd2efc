package org.landfall.platform.security;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the pages send a person to sign in: the OpenID Connect provider's issuer (the page reads its endpoints from
 * the issuer's discovery document), the pages' client, and whether this service also mints development tokens (the
 * local run's role picker). Public: it names nothing that the provider's own login page does not.
 */
@Path("/config/sign-in")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

    /** The answer; {@code issuer} null where no provider is configured (the pages then offer only what else they can). */
    public record SignIn(String issuer, String clientId, boolean development) {
    }

    @ConfigProperty(name = "landfall.sign-in.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "landfall.sign-in.client-id")
    String clientId;

    @Inject
    DevTokenMinter minter;

    @GET
    public Response signIn() {
        SignIn answer = new SignIn(issuer.orElse(null), clientId,
                minter.available());
        // Read on every page load: a changed provider takes effect with the next start, not a cache's age.
        return Response.ok(answer).header("Cache-Control", "no-cache").build();
    }
}
