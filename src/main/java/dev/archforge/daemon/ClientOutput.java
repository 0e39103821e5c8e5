package dev.archforge.daemon;

import dev.archforge.cli.EntryPoint;
import dev.archforge.client.Frames;
import dev.archforge.client.Request;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/** The client's stdout and stderr as a run in the daemon prints to them: frames on the socket. */
final class ClientOutput {
  private ClientOutput() {}

  /**
   * The writer a new process would print to that stream with, in the encoding the client asks for;
   * {@code printed} is set once anything went through it.
   */
  static PrintWriter writer(DataOutputStream socket, byte type, String requestedEncoding, AtomicBoolean printed) {
    return EntryPoint.writer(noting(Frames.stream(socket, type), printed), encoding(requestedEncoding));
  }

  /**
   * The console encoding a client asks for, {@link Request#TERMINAL} made what this JVM would have
   * set {@code sun.stdout.encoding} to on a terminal: the locale's encoding on Java 17 and 18, none
   * on Java 19+ (which set {@code stdout.encoding} instead; the daemon shares the client's locale).
   */
  static String encoding(String requested) {
    if (!Request.TERMINAL.equals(requested)) {
      return requested;
    }
    return System.getProperty("stdout.encoding") == null ? System.getProperty("native.encoding") : null;
  }

  /** {@code stream}, noting in {@code printed} that something went through it. */
  private static OutputStream noting(OutputStream stream, AtomicBoolean printed) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        printed.set(true);
        stream.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        printed.set(true);
        stream.write(bytes, offset, length);
      }
    };
  }
}
