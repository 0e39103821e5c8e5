package dev.archforge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whole numbers as documents show them: the same text as {@link String#format} gives. */
class DigitsTest {

  @Property(tries = 2000)
  void groupedIsFormatsThousands(@ForAll long n) {
    assertThat(Digits.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
  }

  @Property(tries = 1000)
  void paddedIsFormatsZeroPadding(@ForAll @IntRange(min = 0, max = 1_000_000) int n,
      @ForAll @IntRange(min = 1, max = 8) int width) {
    assertThat(Digits.padded(n, width)).isEqualTo(String.format(Locale.ROOT, "%0" + width + "d", n));
  }

  @Example
  void examples() {
    assertThat(Digits.grouped(0)).isEqualTo("0");
    assertThat(Digits.grouped(999)).isEqualTo("999");
    assertThat(Digits.grouped(1000)).isEqualTo("1,000");
    assertThat(Digits.grouped(-1234567)).isEqualTo("-1,234,567");
    assertThat(Digits.padded(5, 4)).isEqualTo("0005");
    assertThat(Digits.padded(12345, 4)).isEqualTo("12345");
  }
}
