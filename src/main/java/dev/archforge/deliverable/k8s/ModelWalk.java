package dev.archforge.deliverable.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a client-java-api model's own strict check ({@code validateJsonElement}: unknown fields,
 * missing required fields, wrong JSON types), and when it fails, walks down the model's typed
 * fields to the innermost object that still fails, so that the finding names a JSON Pointer (and
 * so a line) instead of only the model's message.
 */
final class ModelWalk {
  private static final Pattern FIELD = Pattern.compile("field `([^`]+)`");

  private ModelWalk() {}

  /** Where the model check failed, and its message without the JSON dump the models append. */
  record Problem(String pointer, String message) {}

  static Optional<Problem> check(Class<?> model, JsonElement json, String pointer) {
    String message = validate(model, json);
    if (message == null) {
      return Optional.empty();
    }
    if (json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : object.entrySet()) {
        Field field = field(model, e.getKey());
        if (field == null || e.getValue().isJsonNull()) {
          continue;
        }
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        Optional<Problem> inner = checkTyped(field.getGenericType(), e.getValue(), child);
        if (inner.isPresent()) {
          return inner;
        }
      }
      Matcher m = FIELD.matcher(message);
      if (m.find() && object.has(m.group(1))) {
        return Optional.of(new Problem(pointer + "/" + m.group(1), message));
      }
    }
    return Optional.of(new Problem(pointer, message));
  }

  private static Optional<Problem> checkTyped(Type type, JsonElement value, String pointer) {
    if (type instanceof Class<?> c && isModel(c)) {
      return check(c, value, pointer);
    }
    if (type instanceof ParameterizedType p && value != null) {
      Type[] args = p.getActualTypeArguments();
      Type item = args[args.length - 1];
      if (value.isJsonArray()) {
        for (int i = 0; i < value.getAsJsonArray().size(); i++) {
          Optional<Problem> inner = checkTyped(item, value.getAsJsonArray().get(i), pointer + "/" + i);
          if (inner.isPresent()) {
            return inner;
          }
        }
      } else if (value.isJsonObject() && args.length == 2) {
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
          Optional<Problem> inner = checkTyped(item, e.getValue(), pointer + "/" + e.getKey());
          if (inner.isPresent()) {
            return inner;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The model's message, or null when it accepts the JSON. */
  static String validate(Class<?> model, JsonElement json) {
    try {
      Method m = model.getMethod("validateJsonElement", JsonElement.class);
      m.invoke(null, json);
      return null;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      return trim(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not a client-java-api model: " + model, e);
    }
  }

  private static boolean isModel(Class<?> c) {
    try {
      c.getMethod("validateJsonElement", JsonElement.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Field field(Class<?> model, String json) {
    for (Field f : model.getDeclaredFields()) {
      SerializedName name = f.getAnnotation(SerializedName.class);
      if (name != null && name.value().equals(json)) {
        return f;
      }
    }
    return null;
  }

  /** The models append the whole object ("JSON: {...}", "but got `{...}`"): keep the sentence. */
  static String trim(String message) {
    String m = message.replace(" in the JSON string", "");
    for (String cut : new String[] {" JSON: ", ": {", ": [", " but got `"}) {
      int at = m.indexOf(cut);
      if (at > 0) {
        m = m.substring(0, at);
      }
    }
    return m.strip();
  }
}
