package dev.archforge.validate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads JSqlParser parses on, one pool for the process: it runs each parse on an executor to
 * enforce its time-out, and left to itself starts and stops a thread per statement.
 */
public final class JSqlParserThreads {
  public static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "archforge-jsqlparser");
    thread.setDaemon(true);
    return thread;
  });

  private JSqlParserThreads() {}
}
