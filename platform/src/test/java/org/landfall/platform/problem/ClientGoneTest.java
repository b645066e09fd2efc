package org.landfall.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

class ClientGoneTest {

    @Test
    void shouldTellAClientThatClosedItsConnectionFromAnError() {
        // as RESTEasy Reactive reports a body read cut short by the client's timeout
        assertTrue(ProblemMappers.clientGone(new IOException(new IOException(new HttpClosedException("Stream was closed")))));
    }

    @Test
    void shouldNotTakeOtherFailuresForAClientThatWentAway() {
        assertFalse(ProblemMappers.clientGone(new IOException("disk full")));
        assertFalse(ProblemMappers.clientGone(new IllegalStateException(new RuntimeException("boom"))));
    }
}
