package org.landfall.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenTelemetry collector: it accepts OTLP/HTTP protobuf trace exports from the services and keeps each
 * span's service, trace id and name. The OTLP messages are read field by field (numbers from
 * opentelemetry-proto's trace.proto), which is all a test needs.
 */
final class SpanCollector implements AutoCloseable {

    record ReceivedSpan(String service, String traceId, String name) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private SpanCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                collect(body.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static SpanCollector start() throws IOException {
        return new SpanCollector();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void collect(byte[] exportRequest) throws IOException {
        // ExportTraceServiceRequest{1: ResourceSpans{1: Resource, 2: ScopeSpans{2: Span{1: trace_id, 5: name}}}}
        for (ByteString resourceSpans : fields(UnknownFieldSet.parseFrom(exportRequest), 1)) {
            UnknownFieldSet rs = UnknownFieldSet.parseFrom(resourceSpans);
            String service = fields(rs, 1).stream().map(SpanCollector::serviceName).findFirst().orElse("?");
            for (ByteString scopeSpans : fields(rs, 2)) {
                for (ByteString span : fields(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
                    UnknownFieldSet s = UnknownFieldSet.parseFrom(span);
                    spans.add(new ReceivedSpan(service, HexFormat.of().formatHex(fields(s, 1).get(0).toByteArray()),
                            fields(s, 5).get(0).toStringUtf8()));
                }
            }
        }
    }

    /** Resource{1: KeyValue{1: key, 2: AnyValue{1: string_value}}}: the value of service.name. */
    private static String serviceName(ByteString resource) {
        try {
            for (ByteString attribute : fields(UnknownFieldSet.parseFrom(resource), 1)) {
                UnknownFieldSet kv = UnknownFieldSet.parseFrom(attribute);
                if (fields(kv, 1).get(0).toStringUtf8().equals("service.name")) {
                    return fields(UnknownFieldSet.parseFrom(fields(kv, 2).get(0)), 1).get(0).toStringUtf8();
                }
            }
            return "?";
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<ByteString> fields(UnknownFieldSet message, int number) {
        return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
