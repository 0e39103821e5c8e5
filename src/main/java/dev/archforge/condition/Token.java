package dev.archforge.condition;

/** One word or symbol of a condition: its kind, its text as written, its value and its place. */
record Token(Token.Sort sort, String text, Object value, int start, int end) {

  enum Sort {
    NUMBER, STRING, NAME,
    AND, OR, NOT, IN, CONTAINS, TRUE, FALSE, NULL,
    EQ, NE, LT, LE, GT, GE,
    PLUS, MINUS, STAR, SLASH,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
    END
  }

  boolean is(Sort wanted) {
    return sort == wanted;
  }

  boolean isComparison() {
    return switch (sort) {
      case EQ, NE, LT, LE, GT, GE, IN, CONTAINS -> true;
      default -> false;
    };
  }

  /** How to name this token in a message: 'text', or "the end". */
  String shown() {
    return sort == Sort.END ? "the end" : "'" + text + "'";
  }
}
