package org.landfall.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.landfall.infra.testing.LocalInfraResource;

/** Every test of this module runs against the shared real broker and a fresh database of its own. */
@QuarkusTestResource(value = LocalInfraResource.class, initArgs = @ResourceArg(name = "database", value = "reporting_test"))
public class InfraTestResource {
}
