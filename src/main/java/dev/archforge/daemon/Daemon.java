package dev.archforge.daemon;

import dev.archforge.cli.EntryPoint;
import dev.archforge.client.Client;
import dev.archforge.client.Frames;
import dev.archforge.client.Request;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * A warm archforge for one user, folder, umask and build (see {@link dev.archforge.client.Client}):
 * it answers requests on a Unix socket one at a time, each exactly as {@link EntryPoint#run} answers
 * a command line, and exits after {@link #idle} without one, or when its socket is gone. It serves
 * only its own user, and only clients in the folder it was started in, so relative paths mean the
 * same to both.
 */
public final class Daemon {
  private static final int REQUEST_SECONDS = 5;
  private final Path socket;
  private final Duration idle;
  private final Path cwd = Path.of("").toAbsolutePath();
  private final String user = System.getProperty("user.name");
  private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong collectedAfter = new AtomicLong();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "archforge-daemon-timer");
    thread.setDaemon(true);
    return thread;
  });

  /** A daemon for this socket that exits after {@code idle} without a request. */
  public Daemon(Path socket, Duration idle) {
    this.socket = socket;
    this.idle = idle;
  }

  /** {@code Daemon SOCKET}; ARCHFORGE_DAEMON_IDLE_MINUTES sets how long it waits for work (default 10). */
  public static void main(String[] args) throws IOException {
    String minutes = System.getenv("ARCHFORGE_DAEMON_IDLE_MINUTES");
    Duration idle = Duration.ofMinutes(minutes == null || minutes.isBlank() ? 10 : Long.parseLong(minutes.strip()));
    Path socket = Path.of(args[0]);
    Path log = socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".log"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> forget(socket, log)));
    new Daemon(socket, idle).serve();
    System.exit(0);
  }

  /** Removes the socket, and the log when nothing was written to it. */
  private static void forget(Path socket, Path log) {
    try {
      Files.deleteIfExists(socket);
      if (Files.exists(log) && Files.size(log) == 0) {
        Files.delete(log);
      }
    } catch (IOException e) {
      // the next client removes a socket that no longer answers
    }
  }

  /** Serves until idle; returns without serving when another daemon already answers on the socket. */
  public void serve() throws IOException {
    ServerSocketChannel server = bind();
    if (server == null) {
      return;
    }
    Thread watchdog = new Thread(() -> watch(server), "archforge-daemon-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try (server) {
      while (server.isOpen()) {
        SocketChannel client;
        try {
          client = server.accept();
        } catch (IOException closed) {
          break;
        }
        boolean useful = true;
        busy.set(true);
        try (client) {
          useful = answer(client);
        } catch (IOException | RuntimeException e) {
          // the client went away or spoke another protocol; the next one is served all the same
        } finally {
          lastUsed.set(System.nanoTime());
          busy.set(false);
        }
        if (!useful) {
          break;
        }
        if (Heap.oldGenerationFull()) {
          collect(); // the client has its answer; the next one waits for this collection only
        }
      }
    } finally {
      timer.shutdownNow();
      Files.deleteIfExists(socket);
    }
  }

  private ServerSocketChannel bind() throws IOException {
    SocketChannel probe = Client.connect(socket);
    if (probe != null) {
      probe.close();
      return null; // a live daemon answers there
    }
    Files.deleteIfExists(socket); // a stale one, if any
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      return server;
    } catch (IOException taken) {
      server.close();
      return null; // another daemon bound it first
    }
  }

  /** Answers one client; false when this daemon is of no more use (its folder is gone, its heap ran out). */
  private boolean answer(SocketChannel client) throws IOException {
    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
    UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
    // A client that connects and says nothing (or too slowly) is dropped, so the next one is served.
    ScheduledFuture<?> guard = timer.schedule(() -> close(client), REQUEST_SECONDS, TimeUnit.SECONDS);
    Request request;
    try {
      request = Request.readFrom(new DataInputStream(Channels.newInputStream(client)));
    } finally {
      guard.cancel(false);
    }
    if (!peer.user().getName().equals(user) || !Path.of(request.cwd()).equals(cwd)
        || namesProcessFiles(request.args())) {
      Frames.decline(out);
      return true;
    }
    if (!stillInFolder()) {
      Frames.decline(out); // the client runs it itself
      return false;
    }
    AtomicBoolean printed = new AtomicBoolean();
    PrintWriter stdout = ClientOutput.writer(out, Frames.OUT, request.stdoutEncoding(), printed);
    PrintWriter stderr = ClientOutput.writer(out, Frames.ERR, request.stderrEncoding(), printed);
    AtomicBoolean cancelled = watchForStop(client);
    int code;
    try {
      code = EntryPoint.run(request.args().toArray(String[]::new), request.env(), stdout, stderr, cancelled::get);
    } catch (OutOfMemoryError e) {
      // The daemon's heap is kept small; a process of the JVM's default size may well manage.
      if (!printed.get()) {
        Frames.decline(out);
      }
      return false;
    } catch (RuntimeException | Error e) {
      stderr.println("archforge: internal error in the daemon: " + e);
      code = 1;
    }
    stdout.flush();
    stderr.flush();
    Frames.exit(out, code);
    return true;
  }

  /**
   * Whether an argument names a file under /dev or /proc: {@code /dev/stdin}, {@code <(...)} (a
   * {@code /dev/fd/N}) and the like are the client's own streams, which the daemon would read as
   * its own; the client's process runs such a command itself.
   */
  static boolean namesProcessFiles(List<String> args) {
    for (String arg : args) {
      String value = arg.startsWith("-") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
      try {
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (path.startsWith("/dev") || path.startsWith("/proc")) {
          return true;
        }
      } catch (InvalidPathException notAPath) {
        // not a file name
      }
    }
    return false;
  }

  /**
   * Set once the client closes its side of the connection: it does when interrupted (Ctrl-C), and
   * waits for the answer; or it went away. A client sends nothing after its request, so a read
   * returns only then, or fails when the answer is done and the connection closed.
   */
  private static AtomicBoolean watchForStop(SocketChannel client) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread watch = new Thread(() -> {
      try {
        if (client.read(ByteBuffer.allocate(1)) < 0) {
          stop.set(true);
        }
      } catch (IOException closed) {
        // answered and closed
      }
    }, "archforge-daemon-stop");
    watch.setDaemon(true);
    watch.start();
    return stop;
  }

  /**
   * Whether the process's working folder is still the folder at its path: when a folder is
   * removed and made again (a fresh clone, say), relative paths here would still lead into the
   * removed one, and files would be written where nobody sees them.
   */
  private boolean stillInFolder() {
    try {
      return Files.getAttribute(Path.of("."), "unix:ino").equals(Files.getAttribute(cwd, "unix:ino"))
          && Files.getAttribute(Path.of("."), "unix:dev").equals(Files.getAttribute(cwd, "unix:dev"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void close(SocketChannel client) {
    try {
      client.close();
    } catch (IOException e) {
      // closed already
    }
  }

  /** Collects the garbage of the requests answered so far (see {@link Heap#oldGenerationFull}). */
  private void collect() {
    long after = lastUsed.get();
    System.gc();
    collectedAfter.set(after);
  }

  /**
   * Closes the server after {@link #idle} without a request, or at once when its socket file is
   * gone; a second after the last request, collects the garbage unless that was done after it, so
   * that a waiting daemon holds no more memory than it needs (its heap shrinks; the launcher gives it
   * the options for that).
   */
  private void watch(ServerSocketChannel server) {
    while (server.isOpen()) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      long used = lastUsed.get();
      if (used != collectedAfter.get() && !busy.get() && System.nanoTime() - used > 900_000_000L) {
        collect();
      }
      boolean idleTooLong = System.nanoTime() - lastUsed.get() > idle.toNanos();
      if (idleTooLong || !Files.exists(socket)) {
        try {
          server.close();
        } catch (IOException e) {
          return;
        }
      }
    }
  }
}
