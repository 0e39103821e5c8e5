package dev.archforge.apidiff;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * proto through Wire's parsed model, by the rules of {@code buf breaking} (wire level): a removed
 * service, RPC, message, field or enum value breaks clients, and so does a field renumbered,
 * renamed (the JSON mapping), retyped or relabelled; new ones do not, except a new field that the
 * contract documents as required in a request, which old clients do not send; and an RPC whose
 * documentation no longer names a state it started from ({@link FromStates}).
 */
final class ProtoComparer implements ContractComparer {
  @Override
  public List<Difference> compare(String before, String after) {
    ProtoFileElement old = parse(before);
    ProtoFileElement now = parse(after);
    List<Difference> found = new ArrayList<>();
    if (!Objects.equals(old.getPackageName(), now.getPackageName())) {
      found.add(Difference.breaking("package changed from " + old.getPackageName() + " to " + now.getPackageName()));
    }
    services(old.getServices(), now.getServices(), found);
    Map<String, TypeElement> oldTypes = types(old.getTypes(), "");
    Map<String, TypeElement> newTypes = types(now.getTypes(), "");
    oldTypes.forEach((name, type) -> {
      TypeElement next = newTypes.get(name);
      if (next == null) {
        found.add(Difference.breaking("removed " + kind(type) + " " + name));
      } else if (type instanceof MessageElement m && next instanceof MessageElement n) {
        fields(name, fields(m), fields(n), found);
      } else if (type instanceof EnumElement e && next instanceof EnumElement f) {
        constants(name, e.getConstants(), f.getConstants(), found);
      } else {
        found.add(Difference.breaking(name + " changed from " + kind(type) + " to " + kind(next)));
      }
    });
    newTypes.forEach((name, type) -> {
      if (!oldTypes.containsKey(name)) {
        found.add(Difference.compatible("new " + kind(type) + " " + name));
      }
    });
    return found;
  }

  private static ProtoFileElement parse(String content) {
    return ProtoParser.Companion.parse(Location.get("contract.proto"), content);
  }

  private static void services(List<ServiceElement> old, List<ServiceElement> now, List<Difference> found) {
    Map<String, RpcElement> before = new LinkedHashMap<>();
    Map<String, RpcElement> after = new LinkedHashMap<>();
    old.forEach(s -> s.getRpcs().forEach(r -> before.put(s.getName() + "." + r.getName(), r)));
    now.forEach(s -> s.getRpcs().forEach(r -> after.put(s.getName() + "." + r.getName(), r)));
    before.forEach((name, rpc) -> {
      RpcElement next = after.get(name);
      if (next == null) {
        found.add(Difference.breaking("removed RPC " + name));
      } else if (!signature(rpc).equals(signature(next))) {
        found.add(Difference.breaking("RPC " + name + " changed from " + signature(rpc) + " to " + signature(next)));
      } else {
        FromStates.narrowedDocumentation(rpc.getDocumentation(), next.getDocumentation(),
            "a call from there now answers FAILED_PRECONDITION", "rpc " + name).ifPresent(found::add);
      }
    });
    after.keySet().stream().filter(n -> !before.containsKey(n))
        .forEach(n -> found.add(Difference.compatible("new RPC " + n)));
  }

  private static String signature(RpcElement rpc) {
    return "(" + (rpc.getRequestStreaming() ? "stream " : "") + rpc.getRequestType() + ") returns ("
        + (rpc.getResponseStreaming() ? "stream " : "") + rpc.getResponseType() + ")";
  }

  private static void fields(String message, Map<Integer, FieldElement> old, Map<Integer, FieldElement> now,
      List<Difference> found) {
    old.forEach((tag, field) -> {
      FieldElement next = now.get(tag);
      FieldElement sameName = byName(now, field.getName());
      String at = message + "." + field.getName();
      if (sameName != null && sameName.getTag() != tag) {
        found.add(Difference.breaking(at + ": renumbered from " + tag + " to " + sameName.getTag()
            + " (clients of the previous contract read and write it under the old number)"));
      } else if (next == null) {
        found.add(Difference.breaking("removed field " + at + " = " + tag + " (clients that read it get nothing)"));
      } else if (sameName == null) {
        found.add(Difference.breaking(message + " field " + tag + " renamed from " + field.getName() + " to "
            + next.getName() + " (the JSON mapping uses the name)"));
      } else if (!next.getType().equals(field.getType()) || next.getLabel() != field.getLabel()) {
        found.add(Difference.breaking(at + ": type changed from " + shown(field) + " to " + shown(next)));
      }
    });
    now.forEach((tag, field) -> {
      FieldElement before = old.get(tag);
      boolean renamed = before != null && byName(now, before.getName()) == null;
      if (byName(old, field.getName()) == null && !renamed) {
        boolean required = isRequest(message) && field.getDocumentation().contains("Required.");
        found.add(new Difference(null, "new " + (required ? "required" : "optional") + " field " + message + "."
            + field.getName() + " = " + tag + (required ? " (old clients do not send it and are refused)" : ""),
            required));
      }
    });
  }

  private static FieldElement byName(Map<Integer, FieldElement> fields, String name) {
    return fields.values().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
  }

  private static void constants(String type, List<EnumConstantElement> old, List<EnumConstantElement> now,
      List<Difference> found) {
    Map<String, Integer> before = new LinkedHashMap<>();
    Map<String, Integer> after = new LinkedHashMap<>();
    old.forEach(c -> before.put(c.getName(), c.getTag()));
    now.forEach(c -> after.put(c.getName(), c.getTag()));
    before.forEach((name, tag) -> {
      Integer next = after.get(name);
      if (next == null) {
        found.add(Difference.breaking("removed enum value " + type + "." + name));
      } else if (!next.equals(tag)) {
        found.add(Difference.breaking("enum value " + type + "." + name + " renumbered from " + tag + " to " + next));
      }
    });
    after.keySet().stream().filter(n -> !before.containsKey(n)).forEach(n -> found.add(Difference.compatible(
        "new enum value " + type + "." + n + " (older clients see its number)")));
  }

  /** Every message and enum by its name inside the package, nested ones as {@code Outer.Inner}. */
  private static Map<String, TypeElement> types(List<TypeElement> types, String prefix) {
    Map<String, TypeElement> all = new LinkedHashMap<>();
    for (TypeElement type : types) {
      all.put(prefix + type.getName(), type);
      all.putAll(types(type.getNestedTypes(), prefix + type.getName() + "."));
    }
    return all;
  }

  private static Map<Integer, FieldElement> fields(MessageElement message) {
    Map<Integer, FieldElement> byTag = new LinkedHashMap<>();
    message.getFields().forEach(f -> byTag.put(f.getTag(), f));
    for (OneOfElement oneOf : message.getOneOfs()) {
      oneOf.getFields().forEach(f -> byTag.put(f.getTag(), f));
    }
    return byTag;
  }

  private static boolean isRequest(String message) {
    return message.endsWith("Request") || message.endsWith("Input");
  }

  private static String kind(TypeElement type) {
    return type instanceof EnumElement ? "enum" : "message";
  }

  private static String shown(FieldElement field) {
    return (field.getLabel() == null ? "" : field.getLabel().name().toLowerCase() + " ") + field.getType();
  }
}
