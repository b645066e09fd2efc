package org.landfall.status.rest;

import org.landfall.status.domain.StatusText;
import org.landfall.platform.problem.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.status.domain.evidence.Photo;
import org.landfall.status.repository.EvidenceRepository;
import org.landfall.status.service.EvidenceService;

/**
 * Photos taken on site as evidence of an update. The photo is the raw request body (what a phone's {@code fetch}
 * sends of a file input), judged by its bytes alone: the Content-Type it comes with is not trusted, and the type
 * stored and served back is the one its content proves.
 */
@Path("/api/projects/{id}/updates/{updateId}/evidence")
@Tag(name = "Evidence")
public class EvidenceResource {

    @Inject
    EvidenceService service;

    @Inject
    JsonWebToken caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SITE_INSPECTOR, Roles.ADMIN})
    @Operation(summary = "Attach a photo to an update",
            description = "The body is the image itself: JPEG, PNG or WebP, at most 10 MB, judged by its content. The "
                    + "EXIF time (DateTimeOriginal) and GPS position are kept when present. The same bytes on the same "
                    + "update again answer the photo already stored.")
    @RequestBody(content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/webp")})
    @APIResponse(responseCode = "201", description = "Stored: id, sha256, takenAt and location when known")
    @APIResponse(responseCode = "403", description = "Not a site inspector, or the project lies outside the inspector's "
            + "jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown project or update", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Larger than 10 MB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG or WebP image", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An image cut short or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response attach(@PathParam("id") String id, @PathParam("updateId") String updateId, InputStream body) {
        UUID projectId = Params.projectId(id);
        UUID update = Params.id(StatusText.NO_UPDATE, updateId);
        EvidenceView stored = EvidenceView.of(service.attach(projectId, update, bounded(body), caller.getSubject(),
                Jurisdiction.of(caller)));
        return Response.created(URI.create("/api/projects/" + projectId + "/updates/" + update + "/evidence/" + stored.id()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(stored).build();
    }

    @GET
    @Path("/{evidenceId}")
    @Produces({"image/jpeg", "image/png", "image/webp", Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A photo of an update, byte for byte, as its content type")
    @APIResponse(responseCode = "200", description = "The photo's bytes")
    @APIResponse(responseCode = "404", description = "No such photo of that update of that project",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response photo(@PathParam("id") String id, @PathParam("updateId") String updateId,
                          @PathParam("evidenceId") String evidenceId) {
        EvidenceRepository.Content photo = service.content(Params.projectId(id), Params.id(StatusText.NO_UPDATE, updateId),
                Params.id(StatusText.NO_PHOTO, evidenceId));
        // A photo never changes: its hash is its tag, and the browser may keep it for the signed-in user only.
        return Response.ok(photo.bytes(), photo.contentType()).tag(new EntityTag(photo.sha256()))
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The body, read up to one byte beyond the largest photo: that is enough to refuse a larger one (413). */
    private static byte[] bounded(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            return body.readNBytes(Photo.MAX_BYTES + 1);
        } catch (IOException e) {
            throw ProblemException.badRequest(StatusText.BODY_NOT_READ.with(Text.said(String.valueOf(e.getMessage()))), List.of());
        }
    }
}
