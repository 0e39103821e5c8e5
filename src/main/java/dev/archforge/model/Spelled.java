package dev.archforge.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum constant with the spelling the requirements file uses for it. */
public interface Spelled {
  String spelling();

  static <E extends Enum<E> & Spelled> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.spelling().equals(text)).findFirst();
  }

  static <E extends Enum<E> & Spelled> List<String> spellings(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Spelled::spelling).toList();
  }
}
