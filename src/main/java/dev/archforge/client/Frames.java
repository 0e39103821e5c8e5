package dev.archforge.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The daemon's answer to a {@link Request}: frames of bytes for the client's stdout and stderr, in
 * the order they were printed, then the exit code; or, before anything else, a refusal (the client
 * then runs archforge itself).
 */
public final class Frames {
  public static final byte EXIT = 0;
  public static final byte OUT = 1;
  public static final byte ERR = 2;
  public static final byte DECLINED = 3;
  private static final int MAX_FRAME = 1 << 24;

  private Frames() {}

  /** Bytes written to this stream go to the client as frames of one type. */
  public static OutputStream stream(DataOutputStream socket, byte type) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (socket) {
          socket.writeByte(type);
          socket.writeInt(length);
          socket.write(bytes, offset, length);
          socket.flush();
        }
      }
    };
  }

  public static void exit(DataOutputStream socket, int code) throws IOException {
    synchronized (socket) {
      socket.writeByte(EXIT);
      socket.writeInt(code);
      socket.flush();
    }
  }

  public static void decline(DataOutputStream socket) throws IOException {
    synchronized (socket) {
      socket.writeByte(DECLINED);
      socket.writeInt(0);
      socket.flush();
    }
  }

  /** One frame as read: its type and its bytes (for {@link #EXIT}, the code in {@code code}). */
  record Frame(byte type, byte[] bytes, int code) {}

  static Frame read(DataInputStream in) throws IOException {
    byte type = in.readByte();
    int value = in.readInt();
    if (type == EXIT || type == DECLINED) {
      return new Frame(type, new byte[0], value);
    }
    if ((type != OUT && type != ERR) || value < 0 || value > MAX_FRAME) {
      throw new IOException("bad frame " + type + "/" + value);
    }
    return new Frame(type, in.readNBytes(value), 0);
  }
}
