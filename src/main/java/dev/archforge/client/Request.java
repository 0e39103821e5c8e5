package dev.archforge.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asks the daemon to run: the command line as typed, in the client's folder and
 * environment, printed in the client's console encodings ({@code sun.stdout.encoding} and
 * {@code sun.stderr.encoding} as the client's JVM has them; null when unset). The native client,
 * which has no JVM to ask, sends {@link #TERMINAL} for a stream that is a terminal.
 */
public record Request(String cwd, List<String> args, Map<String, String> env, String stdoutEncoding,
    String stderrEncoding) {
  static final int MAGIC = 0x41463031; // "AF01": protocol version 1
  /** An encoding that stands for "a terminal": the encoding a JVM started there would use (not a charset name). */
  public static final String TERMINAL = "*terminal";
  private static final int MAX_ITEMS = 100_000;
  private static final int MAX_STRING = 1 << 20;

  public Request {
    args = List.copyOf(args);
    env = Map.copyOf(env);
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    string(out, cwd);
    out.writeInt(args.size());
    for (String arg : args) {
      string(out, arg);
    }
    out.writeInt(env.size());
    for (Map.Entry<String, String> e : env.entrySet()) {
      string(out, e.getKey());
      string(out, e.getValue());
    }
    string(out, stdoutEncoding);
    string(out, stderrEncoding);
    out.flush();
  }

  /** Reads a request; a stream that is not one (another version, too large) is an IOException. */
  public static Request readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not an archforge request of protocol version 1");
    }
    String cwd = string(in);
    List<String> args = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      args.add(string(in));
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = count(in); i > 0; i--) {
      env.put(string(in), string(in));
    }
    return new Request(cwd, args, env, string(in), string(in));
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ITEMS) {
      throw new IOException("bad item count " + n);
    }
    return n;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > MAX_STRING) {
      throw new IOException("bad string length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
