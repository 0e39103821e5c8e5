package dev.archforge.deliverable;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Checks a JSON document against a request shape of the AWS SDK for Java 2 (generated from the
 * service's API model): every member must be one the shape declares, of its JSON type, and an
 * enum member one of the enum's values; nested structures, lists and maps are checked the same
 * way. The model marks no member required, so the caller names the ones the API requires. Shared by
 * the deliverables that write an AWS API's input (ECS descriptors, DynamoDB tables).
 */
public final class AwsModelWalk {
  private static final Set<MarshallingKnownType> NUMBERS = Set.of(MarshallingKnownType.INTEGER,
      MarshallingKnownType.LONG, MarshallingKnownType.SHORT, MarshallingKnownType.BYTE, MarshallingKnownType.FLOAT,
      MarshallingKnownType.DOUBLE, MarshallingKnownType.BIG_DECIMAL);

  private AwsModelWalk() {}

  /** A problem: the JSON Pointer where it is and what is wrong. */
  public record Problem(String pointer, String message) {}

  /** The problems of {@code json} read as the shape whose builder {@code builder} is. */
  public static List<Problem> check(SdkPojo builder, JsonNode json, String pointer) {
    List<Problem> problems = new ArrayList<>();
    structure(builder, json, pointer, problems);
    return problems;
  }

  private static void structure(SdkPojo builder, JsonNode json, String pointer, List<Problem> problems) {
    String shape = shapeName(builder);
    if (!json.isObject()) {
      problems.add(new Problem(pointer, shape + " must be an object"));
      return;
    }
    Map<String, SdkField<?>> fields = new java.util.HashMap<>();
    builder.sdkFields().forEach(f -> fields.put(f.locationName(), f));
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String at = pointer + "/" + member.getKey();
      SdkField<?> field = fields.get(member.getKey());
      if (field == null) {
        problems.add(new Problem(at, "`" + member.getKey() + "` is not a member of " + shape));
      } else {
        value(field, field.memberName(), builder, member.getValue(), at, problems);
      }
    }
  }

  private static void value(SdkField<?> field, String member, SdkPojo owner, JsonNode json, String pointer,
      List<Problem> problems) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    if (json.isNull()) {
      return;
    }
    if (type == MarshallingKnownType.SDK_POJO) {
      structure(field.constructor().get(), json, pointer, problems);
    } else if (type == MarshallingKnownType.LIST) {
      if (!json.isArray()) {
        problems.add(new Problem(pointer, "`" + member + "` must be a list"));
        return;
      }
      SdkField<?> element = field.getTrait(ListTrait.class).memberFieldInfo();
      for (int i = 0; i < json.size(); i++) {
        value(element, member, owner, json.get(i), pointer + "/" + i, problems);
      }
    } else if (type == MarshallingKnownType.MAP) {
      if (!json.isObject()) {
        problems.add(new Problem(pointer, "`" + member + "` must be a map"));
        return;
      }
      SdkField<?> element = field.getTrait(MapTrait.class).valueFieldInfo();
      json.fields().forEachRemaining(e -> value(element, member, owner, e.getValue(), pointer + "/" + e.getKey(),
          problems));
    } else if (type == MarshallingKnownType.STRING) {
      if (!json.isTextual()) {
        problems.add(new Problem(pointer, "`" + member + "` must be a string"));
      } else {
        enumValue(member, owner, json.asText(), pointer, problems);
      }
    } else if (type == MarshallingKnownType.BOOLEAN && !json.isBoolean()) {
      problems.add(new Problem(pointer, "`" + member + "` must be true or false"));
    } else if (NUMBERS.contains(type) && !(json.isNumber() && (json.isIntegralNumber()
        || type == MarshallingKnownType.DOUBLE || type == MarshallingKnownType.FLOAT
        || type == MarshallingKnownType.BIG_DECIMAL))) {
      problems.add(new Problem(pointer, "`" + member + "` must be a number of type " + type));
    }
  }

  /**
   * A string whose getter in the shape returns an enum, or a list or map of one
   * ({@code requiresCompatibilities} → {@code Compatibility}), must hold one of its values.
   */
  private static void enumValue(String member, SdkPojo owner, String text, String pointer, List<Problem> problems) {
    Class<?> shape = owner.getClass().getEnclosingClass();
    if (shape == null || member == null || member.isEmpty()) {
      return;
    }
    String getter = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    Class<?> enumType;
    try {
      Method m = shape.getMethod(getter);
      enumType = m.getReturnType();
      if (m.getGenericReturnType() instanceof ParameterizedType p) {
        Type[] args = p.getActualTypeArguments();
        enumType = args[args.length - 1] instanceof Class<?> c ? c : null;
      }
    } catch (NoSuchMethodException e) {
      return;
    }
    if (enumType == null || !enumType.isEnum()) {
      return;
    }
    List<String> values = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      if (constant.toString().equals(text)) {
        return;
      }
      if (!((Enum<?>) constant).name().equals("UNKNOWN_TO_SDK_VERSION")) {
        values.add(constant.toString());
      }
    }
    problems.add(new Problem(pointer, "`" + text + "` is not a value of " + enumType.getSimpleName() + " ("
        + String.join(", ", values) + ")"));
  }

  private static String shapeName(SdkPojo builder) {
    Class<?> shape = builder.getClass().getEnclosingClass();
    return shape == null ? builder.getClass().getSimpleName() : shape.getSimpleName();
  }
}
