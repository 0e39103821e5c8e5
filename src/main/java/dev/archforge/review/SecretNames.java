package dev.archforge.review;

import java.util.regex.Pattern;

/**
 * Which configuration keys hold a secret ({@code DB_PASSWORD}, {@code apiKey}, {@code JWT_SECRET})
 * and which values are a reference to one rather than the secret itself ({@code ${DB_PASSWORD}},
 * empty, a placeholder) — for the plain-secret rules of manifests, Compose files and Dockerfiles.
 */
final class SecretNames {
  private static final Pattern SECRET = Pattern.compile(
      "(?i).*(password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key|credentials?|access[_-]?key)$");
  /** Ends with the secret's word: {@code DB_PASSWORD_FILE} or {@code TOKEN_URL} say where a secret is. */
  private static final Pattern REFERENCE = Pattern.compile("^\\s*$|^\\$\\{[^}]+}$|^\\$\\([^)]+\\)$|^\\$[A-Za-z_][A-Za-z0-9_]*$"
      + "|^<[^>]+>$|^(?i:changeme|change-me|replace-me|xxx+|\\*+)$");

  private SecretNames() {}

  static boolean isSecret(String key) {
    return SECRET.matcher(key).matches();
  }

  /** Whether a value written for a secret key is the secret itself (not a reference or a placeholder). */
  static boolean isLiteral(String value) {
    return value != null && !REFERENCE.matcher(value.strip()).find();
  }
}
