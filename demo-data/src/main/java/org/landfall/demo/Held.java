package org.landfall.demo;

import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether what intake answers holds a plan or targets as the demo sets them: some object in the answer, however
 * the answer nests its entries, agrees with every field the demo gives, a null one included (then the entry has
 * none). A plan or targets set again replace the earlier ones, so only a difference calls for a PUT.
 */
final class Held {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Held() {
    }

    static boolean in(JsonNode answer, Map<String, Object> wanted) {
        JsonNode w = JSON.valueToTree(wanted);
        return objects(answer).anyMatch(entry -> {
            for (var field : w.properties()) {
                JsonNode got = entry.path(field.getKey());
                boolean agrees = field.getValue().isNull() ? got.isMissingNode() || got.isNull() : same(field.getValue(), got);
                if (!agrees) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The same value: numbers whatever their scale, text and the rest as they are. */
    static boolean same(JsonNode want, JsonNode got) {
        return want.isNumber() && got.isNumber() ? want.decimalValue().compareTo(got.decimalValue()) == 0 : want.equals(got);
    }

    private static Stream<JsonNode> objects(JsonNode node) {
        Stream<JsonNode> self = node.isObject() ? Stream.of(node) : Stream.empty();
        return Stream.concat(self, node.isContainerNode()
                ? StreamSupport.stream(node.spliterator(), false).flatMap(Held::objects) : Stream.empty());
    }
}
