package org.landfall.intake;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.landfall.infra.testing.LocalInfraResource;

/** Every test of this module runs against the shared real broker and a fresh database of its own. */
@WithTestResource(value = LocalInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "intake_test"))
public class InfraTestResource {
}
