package dev.archforge.condition;

import java.util.List;

/**
 * A part of a parsed condition: immutable, already type-checked, and able to compute its value
 * from facts. Values are Double, String, Boolean, List of String, List of Double, or null.
 */
sealed interface Expr {
  Kind kind();

  /** Where this part starts in the condition text. */
  int start();

  /** Where this part ends in the condition text (exclusive). */
  int end();

  Object eval(Facts facts);

  /** The value, where a true/false fact that is not given counts as false. */
  default Object valueOf(Facts facts) {
    Object value = eval(facts);
    return value == null && kind() == Kind.BOOLEAN ? Boolean.FALSE : value;
  }

  default boolean holds(Facts facts) {
    return Boolean.TRUE.equals(eval(facts));
  }

  /** A number, text, true/false, null or list written into the condition. */
  record Literal(Object value, Kind kind, int start, int end) implements Expr {
    @Override
    public Object eval(Facts facts) {
      return value;
    }
  }

  /** A fact named in the condition. */
  record Fact(String name, Kind kind, int start, int end) implements Expr {
    @Override
    public Object eval(Facts facts) {
      return facts.value(name);
    }
  }

  /** A part written in parentheses; it keeps the parentheses in its place. */
  record Group(Expr inner, int start, int end) implements Expr {
    @Override
    public Kind kind() {
      return inner.kind();
    }

    @Override
    public Object eval(Facts facts) {
      return inner.eval(facts);
    }
  }

  record Not(Expr operand, int start) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public int end() {
      return operand.end();
    }

    @Override
    public Object eval(Facts facts) {
      return !operand.holds(facts);
    }
  }

  /** A chain of 'and' or of 'or', kept flat so that each operand can be explained. */
  record Logic(boolean all, List<Expr> operands) implements Expr {
    public Logic {
      operands = List.copyOf(operands);
    }

    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public int start() {
      return operands.get(0).start();
    }

    @Override
    public int end() {
      return operands.get(operands.size() - 1).end();
    }

    @Override
    public Object eval(Facts facts) {
      for (Expr operand : operands) {
        if (operand.holds(facts) != all) {
          return !all;
        }
      }
      return all;
    }
  }

  record Negate(Expr operand, int start) implements Expr {
    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public int end() {
      return operand.end();
    }

    @Override
    public Object eval(Facts facts) {
      Object value = operand.eval(facts);
      return value == null ? null : Values.number(-(Double) value);
    }
  }

  /** + - * / over numbers; null in, null out; division by zero gives null. */
  record Arithmetic(Token.Sort op, Expr left, Expr right) implements Expr {
    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }

    @Override
    public Object eval(Facts facts) {
      Double a = (Double) left.eval(facts);
      Double b = (Double) right.eval(facts);
      if (a == null || b == null) {
        return null;
      }
      return Values.number(switch (op) {
        case PLUS -> a + b;
        case MINUS -> a - b;
        case STAR -> a * b;
        case SLASH -> b == 0 ? Double.NaN : a / b;
        default -> throw new IllegalStateException("not arithmetic: " + op);
      });
    }
  }

  /** == != < <= > >= in contains. */
  record Comparison(Token.Sort op, Expr left, Expr right) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }

    @Override
    public Object eval(Facts facts) {
      if (left.kind() == Kind.NULL || right.kind() == Kind.NULL) {
        boolean absent = left.eval(facts) == null && right.eval(facts) == null;
        return op == Token.Sort.EQ ? absent : !absent;
      }
      Object a = left.valueOf(facts);
      Object b = right.valueOf(facts);
      if (a == null || b == null) {
        return false;
      }
      return switch (op) {
        case EQ -> Values.same(a, b);
        case NE -> !Values.same(a, b);
        case LT -> (Double) a < (Double) b;
        case LE -> (Double) a <= (Double) b;
        case GT -> (Double) a > (Double) b;
        case GE -> (Double) a >= (Double) b;
        case IN -> Values.has((List<?>) b, a);
        case CONTAINS -> Values.has((List<?>) a, b);
        default -> throw new IllegalStateException("not a comparison: " + op);
      };
    }
  }
}
