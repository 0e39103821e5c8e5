package dev.archforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import dev.archforge.testing.Buf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gRPC field and enum numbers across runs, on the ride-hailing sample's gRPC-only drivers service:
 * a field inserted in the middle takes the next free number and breaks no client (the proto
 * comparison says so); a removed field's and value's numbers and names are reserved; Wire (the run's
 * validator) and buf accept the file.
 */
class ProtoNumbersCliTest {
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", CliRunner.EPOCH, "ARCHFORGE_CACHE_DIR",
      "off");
  private static final String FULL_NAME = "      fullName: { type: string, maxLength: 120, required: true, pii: true }\n";
  private static final String LICENCE =
      "      licence:  { type: string, maxLength: 40, required: true, unique: true, pii: true }\n";

  @TempDir
  Path dir;

  @Test
  void numbersStayByNameAcrossRuns() throws IOException {
    Path input = dir.resolve("ride-hailing.yaml");
    String text = Files.readString(Path.of("samples/ride-hailing.yaml"));
    assertThat(text).contains(FULL_NAME + LICENCE, "values: [offline, available, busy]");
    Files.writeString(input, text);
    String out = dir.resolve("rides").toString();
    assertThat(CliRunner.run(ENV, "generate", input.toString(), "-o", out).code()).isZero();
    Path proto = Path.of(out, "backend-architect/api/drivers/drivers.proto");
    Map<String, Integer> first = numbers(parse(proto), "Driver");

    String inserted = text.replace(FULL_NAME, FULL_NAME + "      phone: { type: string, maxLength: 30 }\n");
    Files.writeString(input, inserted);
    CliRunner.Run second = CliRunner.run(ENV, "generate", input.toString(), "-o", out, "--fail-on-breaking");
    assertThat(second.code()).as(second.out() + second.err()).isZero();
    Map<String, Integer> after = numbers(parse(proto), "Driver");
    int next = first.values().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;
    assertThat(after).containsAllEntriesOf(first).containsEntry("phone", next);

    Files.writeString(input, inserted.replace(LICENCE, "").replace("values: [offline, available, busy]",
        "values: [offline, available, onBreak, busy]"));
    CliRunner.Run third = CliRunner.run(ENV, "generate", input.toString(), "-o", out, "--allow-destructive");
    assertThat(third.code()).as(third.out() + third.err()).isZero();
    ProtoFileElement file = parse(proto);
    Map<String, Integer> last = numbers(file, "Driver");
    assertThat(last).doesNotContainKey("licence").containsEntry("phone", next)
        .containsEntry("full_name", first.get("full_name")).containsEntry("status", first.get("status"));
    MessageElement driver = message(file, "Driver");
    assertThat(reserved(driver.getReserveds())).containsExactly(first.get("licence"), "licence");
    EnumElement status = (EnumElement) driver.getNestedTypes().stream().filter(t -> t instanceof EnumElement)
        .findFirst().orElseThrow();
    Map<String, Integer> values = new LinkedHashMap<>();
    status.getConstants().forEach((EnumConstantElement c) -> values.put(c.getName(), c.getTag()));
    assertThat(values).containsEntry("STATUS_UNSPECIFIED", 0).containsEntry("STATUS_OFFLINE", 1)
        .containsEntry("STATUS_AVAILABLE", 2).containsEntry("STATUS_BUSY", 3).containsEntry("STATUS_ON_BREAK", 4);
    Buf.Report buf = Buf.check(proto.getParent());
    assertThat(buf.buildExit()).as(buf.toString()).isZero();
  }

  private static ProtoFileElement parse(Path file) throws IOException {
    return ProtoParser.Companion.parse(Location.get(file.getFileName().toString()), Files.readString(file));
  }

  private static MessageElement message(ProtoFileElement file, String name) {
    return (MessageElement) file.getTypes().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no message " + name));
  }

  private static Map<String, Integer> numbers(ProtoFileElement file, String message) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    message(file, message).getFields().forEach((FieldElement f) -> numbers.put(f.getName(), f.getTag()));
    return numbers;
  }

  private static List<Object> reserved(List<ReservedElement> reserveds) {
    return reserveds.stream().flatMap(r -> r.getValues().stream()).toList();
  }
}
