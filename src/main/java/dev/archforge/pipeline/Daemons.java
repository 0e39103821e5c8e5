package dev.archforge.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Numbered threads that never keep the process alive: {@code archforge-validate-1}, ... */
public final class Daemons implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  /** @param prefix the threads' names before their number, e.g. {@code archforge-validate} */
  public Daemons(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
