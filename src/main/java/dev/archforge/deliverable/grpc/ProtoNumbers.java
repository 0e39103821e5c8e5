package dev.archforge.deliverable.grpc;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kotlin.ranges.IntRange;

/**
 * Field and enum numbers that stay what the previous contract said (its pristine copy): a field or
 * value keeps its number by name, a new one takes the next number no earlier version used, and a
 * removed one's number and name are {@code reserved}, so clients built on any earlier version never
 * read one field as another. Without a previous contract the numbers follow the declaration order.
 */
final class ProtoNumbers {
  /** An element's name and number, whatever its kind. */
  private record Numbered(String name, int number) {}

  /** What an earlier version held: numbers by name, and what it reserved already. */
  private record Earlier(Map<String, Integer> numbers, Set<Integer> reservedNumbers, Set<String> reservedNames) {}

  private ProtoNumbers() {}

  /** The file with the previous contract's numbers kept; as it is when the previous one is absent or unreadable. */
  static ProtoFileView kept(ProtoFileView file, Optional<String> previous) {
    Optional<ProtoFileElement> old = previous.flatMap(ProtoNumbers::parse);
    if (old.isEmpty()) {
      return file;
    }
    Map<String, MessageElement> messages = new HashMap<>();
    old.get().getTypes().stream().filter(t -> t instanceof MessageElement)
        .forEach(t -> messages.put(t.getName(), (MessageElement) t));
    List<MessageView> kept = file.messages().stream().map(m -> Optional.ofNullable(messages.get(m.name()))
        .map(o -> message(m, o)).orElse(m)).toList();
    return new ProtoFileView(file.header(), file.packageName(), file.imports(), file.javaMultipleFiles(), file.service(),
        kept);
  }

  private static Optional<ProtoFileElement> parse(String content) {
    try {
      return Optional.of(ProtoParser.Companion.parse(Location.get("previous.proto"), content));
    } catch (RuntimeException e) {
      return Optional.empty(); // a contract a person broke by hand: numbered afresh, and the comparison says so
    }
  }

  private static MessageView message(MessageView m, MessageElement old) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    old.getFields().forEach(f -> numbers.put(f.getName(), f.getTag()));
    old.getOneOfs().forEach(o -> o.getFields().forEach(f -> numbers.put(f.getName(), f.getTag())));
    Earlier earlier = earlier(numbers, old.getReserveds());
    List<Numbered> fields = renumber(m.fields().stream().map(f -> new Numbered(f.name(), f.number())).toList(), earlier,
        1);
    List<ProtoFieldView> kept = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      ProtoFieldView f = m.fields().get(i);
      kept.add(new ProtoFieldView(f.comment(), f.label(), f.type(), f.name(), fields.get(i).number()));
    }
    Map<String, EnumElement> enums = new HashMap<>();
    old.getNestedTypes().stream().filter(t -> t instanceof EnumElement).forEach(t -> enums.put(t.getName(),
        (EnumElement) t));
    List<ProtoEnumView> keptEnums = m.enums().stream().map(e -> Optional.ofNullable(enums.get(e.name()))
        .map(o -> enumeration(e, o)).orElse(e)).toList();
    return new MessageView(m.comment(), m.name(), keptEnums, kept, reserved(numbers, fields, earlier),
        reservedNames(numbers, fields, earlier));
  }

  private static ProtoEnumView enumeration(ProtoEnumView e, EnumElement old) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    old.getConstants().forEach((EnumConstantElement c) -> numbers.put(c.getName(), c.getTag()));
    Earlier earlier = earlier(numbers, old.getReserveds());
    List<Numbered> values = renumber(e.values().stream().map(v -> new Numbered(v.name(), v.number())).toList(), earlier,
        0);
    List<ProtoEnumView.Value> kept = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      ProtoEnumView.Value v = e.values().get(i);
      kept.add(new ProtoEnumView.Value(v.comment(), v.name(), values.get(i).number()));
    }
    return new ProtoEnumView(e.comment(), e.name(), kept, reserved(numbers, values, earlier),
        reservedNames(numbers, values, earlier));
  }

  private static Earlier earlier(Map<String, Integer> numbers, List<ReservedElement> reserveds) {
    Set<Integer> reservedNumbers = new TreeSet<>();
    Set<String> reservedNames = new TreeSet<>();
    for (ReservedElement r : reserveds) {
      for (Object value : r.getValues()) {
        if (value instanceof Integer n) {
          reservedNumbers.add(n);
        } else if (value instanceof IntRange range) {
          for (int n = range.getFirst(); n <= range.getLast() && n < range.getFirst() + 10_000; n++) {
            reservedNumbers.add(n);
          }
        } else if (value instanceof String name) {
          reservedNames.add(name);
        }
      }
    }
    return new Earlier(numbers, reservedNumbers, reservedNames);
  }

  /**
   * Each element's number: the earlier one by name; for a new element, the lowest number above every
   * one an earlier version used or reserved ({@code floor} and up when there were none).
   */
  private static List<Numbered> renumber(List<Numbered> elements, Earlier earlier, int floor) {
    int next = floor;
    for (int n : earlier.numbers().values()) {
      next = Math.max(next, n + 1);
    }
    for (int n : earlier.reservedNumbers()) {
      next = Math.max(next, n + 1);
    }
    List<Numbered> numbered = new ArrayList<>();
    for (Numbered e : elements) {
      Integer was = earlier.numbers().get(e.name());
      numbered.add(new Numbered(e.name(), was != null ? was : next++));
    }
    return numbered;
  }

  /** The numbers no element may take: reserved before, or held by an element that is gone. */
  private static List<Integer> reserved(Map<String, Integer> numbers, List<Numbered> now, Earlier earlier) {
    Set<Integer> all = new TreeSet<>(earlier.reservedNumbers());
    numbers.forEach((name, n) -> {
      if (now.stream().noneMatch(e -> e.name().equals(name))) {
        all.add(n);
      }
    });
    return List.copyOf(all);
  }

  /** The names of elements that are gone, and those reserved before that no element took up again. */
  private static List<String> reservedNames(Map<String, Integer> numbers, List<Numbered> now, Earlier earlier) {
    Set<String> all = new TreeSet<>(earlier.reservedNames());
    all.addAll(numbers.keySet());
    now.forEach(e -> all.remove(e.name()));
    return List.copyOf(all);
  }
}
