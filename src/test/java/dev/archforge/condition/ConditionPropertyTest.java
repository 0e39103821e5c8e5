package dev.archforge.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random well-typed conditions over a small catalog: each is built as a tree here, rendered with
 * full parentheses, evaluated here by a reference written straight from the documented rules, and
 * compared with what {@link Condition} makes of the text.
 */
class ConditionPropertyTest {
  private static final int DEPTH = 4;
  private static final List<String> NUMBERS = List.of("n1", "n2", "n3");
  private static final List<String> TEXTS = List.of("t1", "t2");
  private static final List<String> FLAGS = List.of("b1", "b2");
  private static final String LIST = "tags";
  private static final List<String> WORDS =
      List.of("aws", "gcp", "", "it's", "say \"hi\"", "back\\slash");
  private static final List<String> DECIMALS =
      List.of("0", "1", "2", "3", "10", "0.5", "0.8", "2.5", "1e3", "1.5e-1", "7");

  /** A reference value: Double, String, Boolean, List of String, or null for "not given". */
  interface Node {
    String text();

    Object eval(Facts facts);

    void names(Set<String> into);
  }

  record FactRef(String name) implements Node {
    public String text() {
      return name;
    }

    public Object eval(Facts facts) {
      return facts.value(name);
    }

    public void names(Set<String> into) {
      into.add(name);
    }
  }

  record Constant(String text, Object value) implements Node {
    public Object eval(Facts facts) {
      return value;
    }

    public void names(Set<String> into) {}
  }

  record Unary(String op, Node operand) implements Node {
    public String text() {
      return "(" + op + (op.equals("not") ? " " : "") + operand.text() + ")";
    }

    public Object eval(Facts facts) {
      Object value = operand.eval(facts);
      if (op.equals("not")) {
        return !Boolean.TRUE.equals(value);
      }
      return value == null ? null : finite(-(Double) value);
    }

    public void names(Set<String> into) {
      operand.names(into);
    }
  }

  record Binary(Node left, String op, Node right) implements Node {
    public String text() {
      return "(" + left.text() + " " + op + " " + right.text() + ")";
    }

    public void names(Set<String> into) {
      left.names(into);
      right.names(into);
    }

    public Object eval(Facts facts) {
      Object a = left.eval(facts);
      Object b = right.eval(facts);
      switch (op) {
        case "and":
          return Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b);
        case "or":
          return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
        case "+", "-", "*", "/":
          if (a == null || b == null) {
            return null;
          }
          double x = (Double) a;
          double y = (Double) b;
          return switch (op) {
            case "+" -> finite(x + y);
            case "-" -> finite(x - y);
            case "*" -> finite(x * y);
            default -> y == 0 ? null : finite(x / y);
          };
        default:
          break;
      }
      if (left instanceof Constant c && c.value() == null || right instanceof Constant d
          && d.value() == null) {
        boolean absent = a == null && b == null;
        return op.equals("==") ? absent : !absent;
      }
      Object x = a == null && isFlag(left) ? Boolean.FALSE : a;
      Object y = b == null && isFlag(right) ? Boolean.FALSE : b;
      return x != null && y != null && compare(x, y);
    }

    private boolean compare(Object a, Object b) {
      return switch (op) {
        case "==" -> equal(a, b);
        case "!=" -> !equal(a, b);
        case "<" -> (Double) a < (Double) b;
        case "<=" -> (Double) a <= (Double) b;
        case ">" -> (Double) a > (Double) b;
        case ">=" -> (Double) a >= (Double) b;
        case "in" -> ((List<?>) b).stream().anyMatch(item -> equal(item, a));
        case "contains" -> ((List<?>) a).stream().anyMatch(item -> equal(item, b));
        default -> throw new IllegalStateException(op);
      };
    }
  }

  private static boolean isFlag(Node node) {
    return node instanceof FactRef f && FLAGS.contains(f.name())
        || node instanceof Constant c && c.value() instanceof Boolean
        || node instanceof Unary u && u.op().equals("not")
        || node instanceof Binary b && !List.of("+", "-", "*", "/").contains(b.op());
  }

  /** Numbers by value (so 0 equals -0), everything else by equals. */
  private static boolean equal(Object a, Object b) {
    return a instanceof Double x && b instanceof Double y ? x.doubleValue() == y.doubleValue()
        : a.equals(b);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  @Property(tries = 2000)
  void parsedConditionsAgreeWithTheReference(
      @ForAll("conditions") Node condition, @ForAll("facts") Facts facts)
      throws ConditionException {
    String text = condition.text();
    Condition parsed = Condition.parse(text, facts);
    assertThat(parsed.test(facts)).as(text).isEqualTo(Boolean.TRUE.equals(condition.eval(facts)));
    Set<String> names = new LinkedHashSet<>();
    condition.names(names);
    assertThat(parsed.names()).as(text).containsExactlyElementsOf(names);
  }

  @Provide
  Arbitrary<Node> conditions() {
    return bools(DEPTH);
  }

  @Provide
  Arbitrary<Facts> facts() {
    Arbitrary<Double> number = Arbitraries.of(DECIMALS).map(Double::parseDouble)
        .injectNull(0.25);
    Arbitrary<String> text = Arbitraries.of(WORDS).injectNull(0.25);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.3);
    Arbitrary<List<String>> list = Arbitraries.of(WORDS).list().ofMaxSize(3).injectNull(0.25);
    return Combinators.combine(number.list().ofSize(3), text.list().ofSize(2),
        flag.list().ofSize(2), list).as((n, t, b, l) -> {
          Facts.Builder builder = Facts.builder();
          for (int i = 0; i < NUMBERS.size(); i++) {
            builder.number(NUMBERS.get(i), n.get(i));
          }
          for (int i = 0; i < TEXTS.size(); i++) {
            builder.text(TEXTS.get(i), t.get(i));
          }
          for (int i = 0; i < FLAGS.size(); i++) {
            builder.flag(FLAGS.get(i), b.get(i));
          }
          return builder.texts(LIST, l).build();
        });
  }

  private Arbitrary<Node> bools(int depth) {
    Arbitrary<Node> leaf = Arbitraries.oneOf(
        Arbitraries.of(FLAGS).map(FactRef::new),
        Arbitraries.of(true, false).map(v -> new Constant(v.toString(), v)),
        isNull());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Node> smaller = Arbitraries.lazy(() -> bools(depth - 1));
    Arbitrary<Node> numbers = Arbitraries.lazy(() -> numbers(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(1, leaf),
        Tuple.of(1, smaller.map(n -> new Unary("not", n))),
        Tuple.of(4, Combinators.combine(smaller, Arbitraries.of("and", "or", "==", "!="), smaller)
            .as(Binary::new)),
        Tuple.of(3, Combinators.combine(
            numbers, Arbitraries.of("==", "!=", "<", "<=", ">", ">="), numbers).as(Binary::new)),
        Tuple.of(1, Combinators.combine(texts(), Arbitraries.of("==", "!="), texts())
            .as(Binary::new)),
        Tuple.of(1, Combinators.combine(texts(), lists()).as((t, l) -> new Binary(t, "in", l))),
        Tuple.of(1, Combinators.combine(lists(), texts())
            .as((l, t) -> new Binary(l, "contains", t))),
        Tuple.of(1, Combinators.combine(numbers, numberLists())
            .as((n, l) -> new Binary(n, "in", l))));
  }

  private Arbitrary<Node> isNull() {
    List<String> all = new ArrayList<>(NUMBERS);
    all.addAll(TEXTS);
    all.addAll(FLAGS);
    all.add(LIST);
    return Combinators.combine(Arbitraries.of(all), Arbitraries.of("==", "!="),
        Arbitraries.of(true, false)).as((name, op, nullFirst) -> nullFirst
            ? new Binary(new Constant("null", null), op, new FactRef(name))
            : new Binary(new FactRef(name), op, new Constant("null", null)));
  }

  private Arbitrary<Node> numbers(int depth) {
    Arbitrary<Node> leaf = Arbitraries.oneOf(
        Arbitraries.of(NUMBERS).map(FactRef::new),
        Arbitraries.of(DECIMALS).map(d -> new Constant(d, Double.parseDouble(d))));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Node> smaller = Arbitraries.lazy(() -> numbers(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaf),
        Tuple.of(1, smaller.map(n -> new Unary("-", n))),
        Tuple.of(3, Combinators.combine(smaller, Arbitraries.of("+", "-", "*", "/"), smaller)
            .as(Binary::new)));
  }

  private Arbitrary<Node> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(TEXTS).map(FactRef::new),
        Combinators.combine(Arbitraries.of(WORDS), Arbitraries.of('"', '\''))
            .as((word, quote) -> new Constant(quoted(word, quote), word)));
  }

  private Arbitrary<Node> lists() {
    Arbitrary<Node> written = Arbitraries.of(WORDS).list().ofMaxSize(3).map(words -> {
      List<String> shown = words.stream().map(w -> quoted(w, '"')).toList();
      return new Constant("[" + String.join(", ", shown) + "]", List.copyOf(words));
    });
    return Arbitraries.oneOf(Arbitraries.just(new FactRef(LIST)), written);
  }

  private Arbitrary<Node> numberLists() {
    return Arbitraries.of(DECIMALS).list().ofMinSize(1).ofMaxSize(3).map(decimals -> new Constant(
        "[" + String.join(", ", decimals) + "]",
        decimals.stream().map(Double::parseDouble).toList()));
  }

  private static String quoted(String word, char quote) {
    String escaped = word.replace("\\", "\\\\").replace(String.valueOf(quote), "\\" + quote);
    return quote + escaped + quote;
  }
}
