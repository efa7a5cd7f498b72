package org.ippc.cpm.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.platform.openapi.RecordSchemas;

/**
 * An optional record inside a command (an amended plan, a plan's elements) is left out, never sent as null: the OpenAPI
 * document says so, because OpenAPI 3.0 cannot describe a nullable reference that validators accept.
 */
final class NullRecords {

    private NullRecords() {}

    static List<FieldFault> in(JsonNode body, Class<?> type) {
        List<FieldFault> faults = new ArrayList<>();
        check(body, type, "$", faults);
        return faults;
    }

    private static void check(JsonNode node, Class<?> type, String path, List<FieldFault> faults) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = node.get(component.getName());
            String at = path + "." + component.getName();
            if (value == null) {
                continue;
            }
            if (value.isNull() && component.getType().isRecord() && RecordSchemas.nullable(component)) {
                faults.add(new FieldFault(at, "leave " + component.getName() + " out rather than send null", null));
            } else if (value.isArray() && component.getGenericType() instanceof ParameterizedType list) {
                if (list.getActualTypeArguments()[0] instanceof Class<?> element) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), element, at + "[" + i + "]", faults);
                    }
                }
            } else {
                check(value, component.getType(), at, faults);
            }
        }
    }
}
