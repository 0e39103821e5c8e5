package dev.archforge.validate;

/**
 * One problem a validator found in an artifact.
 *
 * @param path the artifact's path in the workspace
 * @param line 1-based line, or 0 when the tool does not say
 * @param message what is wrong, in the validator's words
 * @param validator which validator found it
 */
public record Finding(String path, int line, String message, String validator) {
  @Override
  public String toString() {
    return path + (line > 0 ? ":" + line : "") + ": " + message + " [" + validator + "]";
  }
}
