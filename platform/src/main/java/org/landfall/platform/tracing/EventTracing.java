package org.landfall.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.landfall.events.LandfallEvent;

/**
 * Carries the trace context across the outbox: the writer's context is saved with the event, sent as the
 * record's {@code traceparent} header, and each consumer applies the event in a span of that same trace.
 * With tracing off ({@code quarkus.otel.sdk.disabled=true}) every method is a no-op.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";

    @Inject
    OpenTelemetry otel;

    /** The current trace context as a W3C {@code traceparent} value, or null outside a trace. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Starts the span in which a consumer applies {@code event}; the caller ends it. */
    public Span startConsumerSpan(LandfallEvent event, String topic, Headers headers) {
        Context parent = otel.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
        return otel.getTracer("org.landfall.events")
                .spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("landfall.event.type", event.type())
                .setAttribute("landfall.event.key", event.key())
                .startSpan();
    }

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header h = headers == null ? null : headers.lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };
}
