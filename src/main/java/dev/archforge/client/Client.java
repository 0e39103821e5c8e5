package dev.archforge.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's client for the archforge daemon: a JVM that loads a dozen JDK classes, hands the
 * command line to a warm archforge process and prints what it answers. Started as
 * {@code Client UMASK JAR N DAEMON-COMMAND(N words) ARGS...}.
 *
 * <p>One daemon serves one user, one folder, one umask, one set of encodings, locale and time zone,
 * and one build (the jar's path, size and time): its socket is named after them, in {@code $XDG_RUNTIME_DIR/archforge} or
 * {@code /tmp/archforge-USER}, a folder only that user can enter. When none answers, the client
 * starts one (in its own session, so Ctrl-C in the terminal does not reach it) and waits for it.
 * No string concatenation with {@code +} here: each first use of one costs a cold JVM milliseconds.
 * Exit code {@value #RUN_IT_YOURSELF} means nothing was printed and the daemon could not be used:
 * the launcher then runs archforge in its own JVM.
 */
public final class Client {
  static final int RUN_IT_YOURSELF = 125;
  /** At most this many daemons per user; past it, archforge runs in the client's own JVM. */
  static final int MAX_DAEMONS = 4;
  private static final long START_WAIT_MILLIS = 30_000;

  private Client() {}

  public static void main(String[] argv) {
    System.exit(run(argv));
  }

  static int run(String[] argv) {
    SocketChannel channel;
    List<String> args;
    try {
      String umask = argv[0];
      Path jar = Path.of(argv[1]);
      int n = Integer.parseInt(argv[2]);
      List<String> daemon = Arrays.asList(argv).subList(3, 3 + n);
      args = Arrays.asList(argv).subList(3 + n, argv.length);
      Path folder = folder();
      String key = key(umask, jar, daemon);
      Path socket = folder.resolve(key.concat(".sock"));
      channel = connect(socket);
      if (channel == null && live(folder) < MAX_DAEMONS) {
        channel = await(socket, start(daemon, socket, folder.resolve(key.concat(".log"))));
      }
    } catch (IOException | RuntimeException e) {
      return RUN_IT_YOURSELF;
    }
    if (channel == null) {
      return RUN_IT_YOURSELF;
    }
    Stop stop = new Stop(channel);
    Runtime.getRuntime().addShutdownHook(stop);
    try (SocketChannel open = channel) {
      Request request = new Request(Path.of("").toAbsolutePath().toString(), args, System.getenv(),
          System.getProperty("sun.stdout.encoding"), System.getProperty("sun.stderr.encoding"));
      return exchange(open, request, System.out, System.err);
    } catch (IOException e) {
      return RUN_IT_YOURSELF;
    } finally {
      stop.answered.countDown();
    }
  }

  /**
   * Ctrl-C (or SIGTERM, SIGHUP) while the daemon runs the request: the JVM runs this hook, which
   * closes the client's side of the connection and waits for the answer the main thread prints;
   * the daemon stops before it writes anything unless its commit had begun. The JVM then ends as
   * interrupted (exit code 130), so the launcher does not run archforge itself.
   */
  private static final class Stop extends Thread {
    private final SocketChannel channel;
    private final CountDownLatch answered = new CountDownLatch(1);

    Stop(SocketChannel channel) {
      super("archforge-client-stop");
      this.channel = channel;
    }

    @Override
    public void run() {
      try {
        if (answered.getCount() > 0) {
          channel.shutdownOutput();
          answered.await(30, TimeUnit.SECONDS);
        }
      } catch (IOException | InterruptedException e) {
        // answered and closed already, or the JVM is going anyway
      }
    }
  }

  /** Sends the request and prints the answer; {@link #RUN_IT_YOURSELF} only when nothing was printed. */
  static int exchange(SocketChannel channel, Request request, PrintStream stdout, PrintStream stderr)
      throws IOException {
    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
    DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
    request.writeTo(out);
    boolean printed = false;
    while (true) {
      Frames.Frame frame;
      try {
        frame = Frames.read(in);
      } catch (IOException e) {
        if (!printed) {
          return RUN_IT_YOURSELF;
        }
        stderr.println("archforge: the daemon stopped in the middle of the run: ".concat(String.valueOf(e)));
        return 1;
      }
      switch (frame.type()) {
        case Frames.EXIT -> {
          return frame.code();
        }
        case Frames.DECLINED -> {
          return printed ? 1 : RUN_IT_YOURSELF;
        }
        default -> {
          PrintStream stream = frame.type() == Frames.OUT ? stdout : stderr;
          stream.write(frame.bytes(), 0, frame.bytes().length);
          stream.flush();
          printed = true;
        }
      }
    }
  }

  /** The user's own folder for daemon sockets, made when missing; refused unless only the user can enter it. */
  static Path folder() throws IOException {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    String user = System.getProperty("user.name");
    Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
        ? Path.of(runtime, "archforge") : Path.of(System.getProperty("java.io.tmpdir"), "archforge-".concat(user));
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(owner));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another client made it first; checked below
      }
    }
    // By uid, not by name: a name lookup costs a cold JVM milliseconds.
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        || !uid.equals(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))
        || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(owner)) {
      throw new IOException("not a folder that only this user can enter: ".concat(folder.toString()));
    }
    return folder;
  }

  /** A name for the daemon of this folder, umask and build: FNV-1a (64 bits) of what sets them apart. */
  static String key(String umask, Path jar, List<String> daemon) throws IOException {
    BasicFileAttributes build = Files.readAttributes(jar, BasicFileAttributes.class);
    List<String> parts = new ArrayList<>(daemon);
    parts.add(Path.of("").toAbsolutePath().toString());
    parts.add(umask);
    // What else a process takes from its start and prints or writes by: encodings, locale, time zone.
    for (String property : new String[] {"file.encoding", "native.encoding", "sun.stdout.encoding",
        "sun.stderr.encoding", "user.language", "user.country", "user.variant", "user.script"}) {
      parts.add(String.valueOf(System.getProperty(property)));
    }
    parts.add(String.valueOf(System.getenv("TZ")));
    parts.add(jar.toAbsolutePath().toString());
    parts.add(Long.toString(build.size()));
    parts.add(Long.toString(build.lastModifiedTime().toMillis()));
    long hash = 0xcbf29ce484222325L;
    for (byte b : String.join("\0", parts).getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return Long.toHexString(hash);
  }

  /**
   * How many daemons answer in the folder; sockets that no longer answer (a daemon that was
   * killed) are removed. Counted only before starting another one, so that runs in many folders
   * do not leave many daemons behind.
   */
  static int live(Path folder) throws IOException {
    int live = 0;
    try (DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, "*.sock")) {
      for (Path socket : sockets) {
        SocketChannel channel = connect(socket);
        if (channel == null) {
          Files.deleteIfExists(socket);
        } else {
          channel.close();
          live++;
        }
      }
    }
    return live;
  }

  /** A connection to the daemon at {@code socket}, or null when none answers there. */
  public static SocketChannel connect(Path socket) {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
      } catch (IOException e) {
        channel.close();
        return null;
      }
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Starts the daemon, its output to a log; in a session of its own when {@code setsid} is there
   * (which then runs it in place, so the process returned is the daemon's).
   */
  private static Process start(List<String> daemon, Path socket, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(daemon);
    command.add(socket.toString());
    return new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectErrorStream(true).start();
  }

  /** Waits for the daemon to answer; gives up when it exits first or takes too long to start. */
  private static SocketChannel await(Path socket, Process daemon) {
    long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
    while (daemon.isAlive() && System.currentTimeMillis() < deadline) {
      SocketChannel channel = connect(socket);
      if (channel != null) {
        return channel;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }
}
