package dev.archforge.apidiff;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * The changes inside one schema of an operation that openapi-diff compared, property by property,
 * each classified as openapi-diff classifies it, except removed properties (see {@link OpenApiComparer}).
 */
final class SchemaChanges {
  private final List<Difference> found;

  SchemaChanges(List<Difference> found) {
    this.found = found;
  }

  /**
   * @param where {@code request body}, {@code response} or a parameter
   * @param path the property path inside it, {@code ""} at its root
   */
  void walk(ChangedSchema schema, String where, String path) {
    if (schema == null || !schema.isDifferent()) {
      return;
    }
    boolean request = schema.getContext() != null && schema.getContext().isRequest();
    String at = where + (path.isEmpty() ? "" : " property '" + path + "'");
    if (schema.isChangedType()) {
      found.add(new Difference(null, at + ": type changed from " + type(schema.getOldSchema()) + " to "
          + type(schema.getNewSchema()), schema.isCoreChanged().isIncompatible()));
    }
    Schema<?> old = schema.getOldSchema();
    List<String> newRequired = schema.getNewSchema() == null || schema.getNewSchema().getRequired() == null
        ? List.of() : schema.getNewSchema().getRequired();
    for (String name : schema.getMissingProperties().keySet()) {
      boolean closed = old != null && Boolean.FALSE.equals(old.getAdditionalProperties());
      String why = !request ? "clients that read it get nothing" : closed
          ? "the request refuses unknown properties, so clients that still send it fail" : "the service ignores it";
      found.add(new Difference(null, where + ": removed property '" + join(path, name) + "' (" + why + ")",
          !request || closed));
    }
    for (String name : schema.getIncreasedProperties().keySet()) {
      boolean required = request && newRequired.contains(name);
      found.add(new Difference(null, where + ": new " + (required ? "required" : "optional") + " property '"
          + join(path, name) + "'" + (required ? " (clients that do not send it fail)" : ""), required));
    }
    required(schema, where, path);
    ChangedEnum<?> values = schema.getEnumeration();
    if (values != null && values.isDifferent()) {
      List<String> parts = new ArrayList<>();
      if (!values.getMissing().isEmpty()) {
        parts.add("removed " + values.getMissing());
      }
      if (!values.getIncreased().isEmpty()) {
        parts.add("added " + values.getIncreased());
      }
      found.add(new Difference(null, at + ": enum values changed (" + String.join(", ", parts) + ")",
          values.isIncompatible()));
    }
    constraint(at, "maximum length", schema.getMaxLength());
    constraint(at, "minimum length", schema.getMinLength());
    constraint(at, "numeric range", schema.getNumericRange());
    constraint(at, "pattern", schema.getPattern());
    constraint(at, "nullable", schema.getNullable());
    constraint(at, "read-only", schema.getReadOnly());
    constraint(at, "write-only", schema.getWriteOnly());
    constraint(at, "number of items", schema.getMaxItems());
    constraint(at, "alternatives (oneOf)", schema.getOneOfSchema());
    for (Map.Entry<String, ChangedSchema> p : schema.getChangedProperties().entrySet()) {
      walk(p.getValue(), where, join(path, p.getKey()));
    }
    walk(schema.getItems(), where, path + "[]");
  }

  private void required(ChangedSchema schema, String where, String path) {
    ChangedRequired required = schema.getRequired();
    if (required == null || !required.isDifferent()) {
      return;
    }
    List<String> nowRequired = new ArrayList<>(required.getIncreased());
    nowRequired.removeAll(schema.getIncreasedProperties().keySet());
    List<String> noLonger = new ArrayList<>(required.getMissing());
    noLonger.removeAll(schema.getMissingProperties().keySet());
    boolean request = schema.getContext().isRequest();
    for (String name : nowRequired) {
      found.add(new Difference(null, where + ": property '" + join(path, name) + "' is now required", request));
    }
    for (String name : noLonger) {
      found.add(new Difference(null, where + ": property '" + join(path, name) + "' is no longer always present",
          !request));
    }
  }

  private void constraint(String at, String what, Changed changed) {
    if (changed != null && changed.isDifferent()) {
      found.add(new Difference(null, at + ": " + what + " changed"
          + (changed.isIncompatible() ? ", narrower for clients" : ""), changed.isIncompatible()));
    }
  }

  private static String type(Schema<?> schema) {
    return schema == null ? "none" : String.valueOf(schema.getType());
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
