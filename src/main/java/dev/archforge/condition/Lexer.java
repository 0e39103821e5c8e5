package dev.archforge.condition;

import dev.archforge.condition.Token.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits condition text into tokens. One instance reads one text. */
final class Lexer {
  private static final Map<String, Sort> KEYWORDS = Map.of(
      "and", Sort.AND, "or", Sort.OR, "not", Sort.NOT, "in", Sort.IN, "contains", Sort.CONTAINS,
      "true", Sort.TRUE, "false", Sort.FALSE, "null", Sort.NULL);

  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  static List<Token> tokens(String text) throws ConditionException {
    return new Lexer(text).all();
  }

  static boolean isKeyword(String word) {
    return KEYWORDS.containsKey(word);
  }

  private List<Token> all() throws ConditionException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos >= text.length()) {
        tokens.add(new Token(Sort.END, "", null, pos, pos));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() throws ConditionException {
    char c = text.charAt(pos);
    if (isLetter(c)) {
      return name();
    }
    if (c >= '0' && c <= '9') {
      return number();
    }
    if (c == '"' || c == '\'') {
      return string(c);
    }
    return symbol(c);
  }

  private Token name() throws ConditionException {
    int start = pos;
    while (true) {
      while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
        pos++;
      }
      if (pos >= text.length() || text.charAt(pos) != '.') {
        break;
      }
      pos++;
      if (pos >= text.length() || !isLetter(text.charAt(pos))) {
        throw new ConditionException("a name part after '.' must start with a letter", pos);
      }
    }
    String word = text.substring(start, pos);
    Sort keyword = KEYWORDS.get(word);
    return new Token(keyword == null ? Sort.NAME : keyword, word, null, start, pos);
  }

  private Token number() throws ConditionException {
    int start = pos;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (!digits()) {
        throw new ConditionException("a number needs digits after '.'", pos);
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (!digits()) {
        throw new ConditionException("a number needs digits after the exponent 'e'", pos);
      }
    }
    if (pos < text.length() && isLetter(text.charAt(pos))) {
      throw new ConditionException("a number cannot run into a name; put a space between", pos);
    }
    String written = text.substring(start, pos);
    double value = Double.parseDouble(written);
    if (!Double.isFinite(value)) {
      throw new ConditionException("the number " + written + " is too large", start);
    }
    return new Token(Sort.NUMBER, written, value, start, pos);
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    return pos > start;
  }

  private Token string(char quote) throws ConditionException {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos);
      if (c == '\\') {
        char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (escaped != '"' && escaped != '\'' && escaped != '\\') {
          throw new ConditionException(
              "unknown escape in string; only \\\", \\' and \\\\ are allowed", pos);
        }
        value.append(escaped);
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    if (pos >= text.length()) {
      throw new ConditionException("unterminated string", start);
    }
    pos++;
    return new Token(Sort.STRING, text.substring(start, pos), value.toString(), start, pos);
  }

  private Token symbol(char c) throws ConditionException {
    int start = pos;
    char after = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    Sort two = switch ("" + c + after) {
      case "==" -> Sort.EQ;
      case "!=" -> Sort.NE;
      case "<=" -> Sort.LE;
      case ">=" -> Sort.GE;
      default -> null;
    };
    if (two != null) {
      pos += 2;
      return new Token(two, text.substring(start, pos), null, start, pos);
    }
    Sort one = switch (c) {
      case '<' -> Sort.LT;
      case '>' -> Sort.GT;
      case '+' -> Sort.PLUS;
      case '-' -> Sort.MINUS;
      case '*' -> Sort.STAR;
      case '/' -> Sort.SLASH;
      case '(' -> Sort.LPAREN;
      case ')' -> Sort.RPAREN;
      case '[' -> Sort.LBRACKET;
      case ']' -> Sort.RBRACKET;
      case ',' -> Sort.COMMA;
      default -> throw new ConditionException(unexpected(c, after), start);
    };
    pos++;
    return new Token(one, String.valueOf(c), null, start, pos);
  }

  private static String unexpected(char c, char after) {
    return switch (c) {
      case '=' -> "use '==' to compare";
      case '!' -> "use 'not' or '!='";
      case '&' -> after == '&' ? "use 'and' instead of '&&'" : "unexpected character '&'";
      case '|' -> after == '|' ? "use 'or' instead of '||'" : "unexpected character '|'";
      default -> "unexpected character '" + c + "'";
    };
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
