package dev.archforge.render;

/** A template could not be found or failed while rendering. */
public final class RenderException extends RuntimeException {
  public RenderException(String message, Throwable cause) {
    super(message, cause);
  }

  public RenderException(String message) {
    super(message);
  }
}
