package dev.archforge.deliverable.k8s;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The Gson that binds manifests to the client-java-api models. client-java's own
 * {@code io.kubernetes.client.openapi.JSON} registers an adapter for every one of its ~1,700
 * models in a static initialiser, which loads them all on the first use — most of a short run's
 * class loading. The models' strict checks run separately ({@link ModelWalk}); binding only needs
 * reflection, the {@code @JsonAdapter}s on IntOrString and Quantity, and the two date types.
 */
final class ModelGson {
  static final Gson GSON = new GsonBuilder()
      .registerTypeAdapter(OffsetDateTime.class, text(OffsetDateTime::parse).nullSafe())
      .registerTypeAdapter(LocalDate.class, text(LocalDate::parse).nullSafe())
      .create();

  private ModelGson() {}

  private static <T> TypeAdapter<T> text(Function<String, T> parse) {
    return new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        out.value(value.toString());
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
          throw new com.google.gson.JsonSyntaxException("expected a date as text at " + in.getPath());
        }
        return parse.apply(in.nextString());
      }
    };
  }
}
