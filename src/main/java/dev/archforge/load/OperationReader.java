package dev.archforge.load;

import dev.archforge.load.Declarations.Kind;
import dev.archforge.model.Field;
import dev.archforge.model.FieldType;
import dev.archforge.model.Operation;
import dev.archforge.model.OperationScope;
import dev.archforge.model.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an entity's {@code states:} and {@code operations:}: the enum field that is its state
 * machine, and the domain operations that move it from state to state.
 */
final class OperationReader {
  /** Names an operation may not take: the verbs of the resource's own CRUD operations. */
  static final Set<String> CRUD = Set.of("list", "get", "create", "update", "delete", "patch", "replace");
  private static final List<String> KEYS = List.of("description", "scope", "from", "to", "roles", "input", "emits");

  /** Where an operation's {@code emits} is written, by {@code Entity.operation}, for the check that the owner publishes it. */
  final Map<String, Node> emitted = new HashMap<>();
  private final Diagnostics diagnostics;
  private final Declarations declarations;
  private final FieldReader fields;

  OperationReader(Diagnostics diagnostics, Declarations declarations) {
    this.diagnostics = diagnostics;
    this.declarations = declarations;
    this.fields = new FieldReader(diagnostics);
  }

  /** The state field's name when {@code states:} names an enum field with a default, else null (reported). */
  String states(String entity, YamlMap map, List<Field> fieldList) {
    if (!map.has("states")) {
      return null;
    }
    Node at = map.value("states");
    Optional<String> name = map.text("states");
    if (name.isEmpty()) {
      return null;
    }
    Optional<Field> field = fieldList.stream().filter(f -> f.name().equals(name.get())).findFirst();
    if (field.isEmpty()) {
      diagnostics.error(at, "'entities." + entity + ".states' names field '" + name.get() + "', which " + entity
          + " does not have" + Suggestions.hint(name.get(), fieldList.stream().map(Field::name).toList()));
      return null;
    }
    if (field.get().type() != FieldType.ENUM) {
      diagnostics.error(at, "'entities." + entity + ".states' names field '" + name.get() + "', a "
          + field.get().type() + " field; a state machine is an enum field: { type: enum, values: [...] }");
      return null;
    }
    if (field.get().defaultValue() == null) {
      diagnostics.error(at, "state field '" + name.get() + "' of " + entity + " needs a 'default': the state a "
          + "created " + entity + " starts in (clients never write it)");
      return null;
    }
    return name.get();
  }

  /** The state field as always set: a state machine is always in one of its states (NOT NULL, required in responses). */
  static Field always(Field f) {
    return new Field(f.name(), f.type(), f.maxLength(), f.minLength(), f.pattern(), f.precision(), f.scale(),
        f.values(), true, f.unique(), f.indexed(), f.defaultValue(), f.min(), f.max(), f.description(), f.pii(),
        f.secret(), f.renamedFrom());
  }

  List<Operation> read(String entity, YamlMap map, Optional<Field> stateField) {
    List<Operation> result = new ArrayList<>();
    map.map("operations").ifPresent(ops -> {
      for (String name : ops.keys()) {
        Node key = ops.keyNode(name);
        if (!Names.FIELD.check(name, key, "operation", diagnostics)) {
          continue;
        }
        if (CRUD.contains(name)) {
          diagnostics.error(key, "operation '" + name + "' of " + entity + " is named like a CRUD verb ("
              + String.join(", ", CRUD.stream().sorted().toList()) + "), which the API of every entity has already; "
              + "name what happens in the domain, e.g. 'approve', 'cancel', 'borrow'");
          continue;
        }
        declarations.members.put(entity + ".operations." + name, key);
        Node value = ops.value(name);
        if (value == null) {
          result.add(new Operation(name, null, OperationScope.INSTANCE, List.of(), null, List.of(), List.of(), null));
          continue;
        }
        YamlMap.open(value, ops.path(name), diagnostics)
            .ifPresent(op -> result.add(operation(entity, name, op, stateField)));
      }
    });
    return result;
  }

  private Operation operation(String entity, String name, YamlMap map, Optional<Field> stateField) {
    map.allowOnly(KEYS);
    OperationScope scope = map.choice("scope", OperationScope.class).orElse(OperationScope.INSTANCE);
    if (scope == OperationScope.COLLECTION && map.has("from")) {
      diagnostics.error(map.keyNode("from"), "'" + map.path("from") + "': a collection operation creates its "
          + entity + ", so it has no 'from' state; give 'to' alone (the state the new " + entity + " starts in)");
    }
    List<String> from = states(map, "from", entity, stateField, scope == OperationScope.INSTANCE);
    String to = states(map, "to", entity, stateField, true).stream().findFirst().orElse(null);
    if (to == null && scope == OperationScope.COLLECTION && stateField.isPresent()) {
      to = stateField.get().defaultValue();
    }
    List<String> roles = new ArrayList<>();
    for (YamlMap.Item role : map.list("roles")) {
      if (role.value().equals(Security.ANONYMOUS)) {
        diagnostics.error(role.node(), "'anonymous' may not call operation '" + name + "': an operation changes "
            + "state, and every change needs an authenticated role");
      } else if (roles.contains(role.value())) {
        diagnostics.error(role.node(), "role '" + role.value() + "' is listed twice in '" + map.path("roles") + "'");
      } else {
        declarations.refer(Kind.ROLE, role, map.path("roles"), entity);
        roles.add(role.value());
      }
    }
    List<Field> input = input(map);
    String emits = map.text("emits").orElse(null);
    if (emits != null) {
      declarations.refer(Kind.EVENT, new YamlMap.Item(emits, map.value("emits")), map.path("emits"), entity);
      emitted.put(entity + "." + name, map.value("emits"));
    }
    return new Operation(name, map.text("description").orElse(null), scope, from, to, roles, input, emits);
  }

  /** The states listed under {@code key} (a list for {@code from}, one value for {@code to}), each checked against the enum. */
  private List<String> states(YamlMap map, String key, String entity, Optional<Field> stateField, boolean applies) {
    if (!map.has(key) || !applies) {
      return List.of();
    }
    List<YamlMap.Item> items = key.equals("to")
        ? map.text("to").map(t -> List.of(new YamlMap.Item(t, map.value("to")))).orElse(List.of())
        : map.list(key);
    if (stateField.isEmpty()) {
      diagnostics.error(map.keyNode(key), "'" + map.path(key) + "' needs a state machine: name " + entity
          + "'s enum field under 'entities." + entity + ".states'");
      return List.of();
    }
    List<String> values = stateField.get().values();
    Set<String> states = new LinkedHashSet<>();
    for (YamlMap.Item item : items) {
      if (!values.contains(item.value())) {
        diagnostics.error(item.node(), "state '" + item.value() + "' in '" + map.path(key) + "' is not one of the "
            + "values of " + entity + "." + stateField.get().name() + " " + values
            + Suggestions.hint(item.value(), values));
      } else if (!states.add(item.value())) {
        diagnostics.error(item.node(), "state '" + item.value() + "' is listed twice in '" + map.path(key) + "'");
      }
    }
    return List.copyOf(states);
  }

  private List<Field> input(YamlMap map) {
    List<Field> list = new ArrayList<>();
    map.map("input").ifPresent(inputMap -> {
      for (String fieldName : inputMap.keys()) {
        Node fieldKey = inputMap.keyNode(fieldName);
        if (!Names.FIELD.check(fieldName, fieldKey, "input field", diagnostics)) {
          continue;
        }
        Node value = inputMap.value(fieldName);
        if (value == null) {
          diagnostics.error(fieldKey, "input field '" + fieldName + "' needs a type, e.g. " + fieldName + ": string");
          continue;
        }
        fields.read(fieldName, value, inputMap.path(fieldName)).ifPresent(list::add);
      }
    });
    return list;
  }
}
