/*
 * archforge-client: the launcher's native client for the archforge daemon. It does what
 * dev.archforge.client.Client does, without starting a JVM (which is most of a run the daemon
 * answers from its cache): find or start the daemon for this user, folder, umask, locale and
 * build, hand it the command line, print what it answers, exit with its exit code.
 *
 *   archforge-client JAR N DAEMON-COMMAND(N words) ARGS...
 *
 * Exit code 125 means nothing was printed and no daemon could be used: the launcher then runs
 * archforge in a JVM of its own. Built by the launcher with the machine's C compiler; when there is
 * none, the launcher uses the Java client. The protocol is the one in client/Request.java and
 * client/Frames.java: big-endian int32 lengths, UTF-8 strings (here: the bytes as given).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUN_IT_YOURSELF 125
#define MAX_DAEMONS 4
#define START_WAIT_MILLIS 30000
#define MAGIC 0x41463031u /* "AF01": protocol version 1 */
#define FRAME_EXIT 0
#define FRAME_OUT 1
#define FRAME_ERR 2
#define FRAME_DECLINED 3
#define MAX_FRAME (1 << 24)
/* Sent for a stream that is a terminal: the daemon answers in the encoding a JVM started here would use. */
#define TERMINAL "*terminal"

extern char **environ;

/*
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP while the daemon runs the request: the client closes its side
 * of the connection (shutdown() is async-signal-safe) and keeps printing the answer; the daemon
 * stops before it writes anything (exit code 130) unless its commit had begun, which completes.
 * Then the client ends by the same signal, as a process that was interrupted does. A second
 * signal ends the client at once.
 */
static volatile sig_atomic_t stopped_by = 0;
static volatile sig_atomic_t daemon_fd = -1;

static void on_stop(int signo) {
  if (stopped_by) {
    signal(signo, SIG_DFL);
    raise(signo);
    return;
  }
  stopped_by = signo;
  if (daemon_fd >= 0) shutdown(daemon_fd, SHUT_WR);
}

static void forward_stops(int fd) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_stop;
  sigemptyset(&action.sa_mask);
  daemon_fd = fd;
  for (int i = 0; i < 3; i++) {
    struct sigaction before;
    /* A signal ignored from the start (nohup, a background job) stays ignored. */
    if (sigaction(signals[i], NULL, &before) == 0 && before.sa_handler != SIG_IGN) {
      sigaction(signals[i], &action, NULL);
    }
  }
}

/*
 * The client's exit code: the daemon's, or RUN_IT_YOURSELF; after a stop signal, when the run
 * stopped (130) or never ran (the launcher must not run it instead), the signal ends the client.
 */
static int finish(int code) {
  if (stopped_by && (code == 130 || code == RUN_IT_YOURSELF)) {
    int signo = stopped_by;
    signal(signo, SIG_DFL);
    raise(signo);
  }
  return code;
}

/* A growing byte buffer; running out of memory ends the client with RUN_IT_YOURSELF. */
struct buffer {
  char *bytes;
  size_t length, capacity;
};

static void append(struct buffer *b, const void *bytes, size_t length) {
  if (b->length + length > b->capacity) {
    size_t capacity = b->capacity ? b->capacity : 4096;
    while (capacity < b->length + length) capacity *= 2;
    char *grown = realloc(b->bytes, capacity);
    if (!grown) exit(RUN_IT_YOURSELF);
    b->bytes = grown;
    b->capacity = capacity;
  }
  memcpy(b->bytes + b->length, bytes, length);
  b->length += length;
}

static void append_int(struct buffer *b, uint32_t value) {
  unsigned char be[4] = {value >> 24, value >> 16, value >> 8, value};
  append(b, be, 4);
}

/* A string as Request writes one: its length, then its bytes; NULL is length -1. */
static void append_string(struct buffer *b, const char *s, size_t length) {
  if (!s) {
    append_int(b, 0xffffffffu);
    return;
  }
  append_int(b, (uint32_t)length);
  append(b, s, length);
}

/* FNV-1a, 64 bits: the daemon's name, as the Java client makes it (over other parts). */
static uint64_t fnv(uint64_t hash, const char *bytes, size_t length) {
  for (size_t i = 0; i < length; i++) hash = (hash ^ (unsigned char)bytes[i]) * 0x100000001b3ull;
  return hash;
}

static uint64_t fnv_part(uint64_t hash, const char *s) {
  hash = fnv(hash, s ? s : "null", strlen(s ? s : "null"));
  return fnv(hash, "", 1);
}

static uint64_t fnv_number(uint64_t hash, long long n) {
  char text[32];
  snprintf(text, sizeof text, "%lld", n);
  return fnv_part(hash, text);
}

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Environment entries that a JVM takes its encodings, locale, time zone or options from. */
static int shapes_the_jvm(const char *entry) {
  static const char *const names[] = {"LANG=", "LANGUAGE=", "TZ=", "JAVA_TOOL_OPTIONS=", "JDK_JAVA_OPTIONS=",
                                      "_JAVA_OPTIONS=", "LC_", NULL};
  for (int i = 0; names[i]; i++) {
    if (strncmp(entry, names[i], strlen(names[i])) == 0) return 1;
  }
  return 0;
}

/*
 * The daemon's name: a hash of its command, the folder, the umask, the environment that shapes a
 * JVM (sorted) and the build (the jar's path, size and time; the java binary's size and time).
 */
static uint64_t key(const char *cwd, mode_t mask, const char *jar, char **daemon, int n) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (int i = 0; i < n; i++) hash = fnv_part(hash, daemon[i]);
  hash = fnv_part(hash, cwd);
  hash = fnv_number(hash, (long long)mask);
  size_t count = 0;
  for (char **e = environ; *e; e++) count++;
  char **shaping = calloc(count + 1, sizeof *shaping);
  if (!shaping) exit(RUN_IT_YOURSELF);
  size_t kept = 0;
  for (char **e = environ; *e; e++) {
    if (shapes_the_jvm(*e)) shaping[kept++] = *e;
  }
  qsort(shaping, kept, sizeof *shaping, by_text);
  for (size_t i = 0; i < kept; i++) hash = fnv_part(hash, shaping[i]);
  free(shaping);
  const char *built[] = {jar, strchr(daemon[0], '/') ? daemon[0] : NULL};
  for (int i = 0; i < 2; i++) {
    struct stat st;
    if (!built[i]) continue;
    if (stat(built[i], &st) != 0) exit(RUN_IT_YOURSELF);
    hash = fnv_part(hash, built[i]);
    hash = fnv_number(hash, (long long)st.st_size);
    hash = fnv_number(hash, (long long)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000);
  }
  return hash;
}

/* The user's own folder for daemon sockets, made when missing; NULL unless only the user can enter it. */
static char *folder(void) {
  static char path[4096];
  const char *runtime = getenv("XDG_RUNTIME_DIR");
  struct stat st;
  if (runtime && *runtime && stat(runtime, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(path, sizeof path, "%s/archforge", runtime);
  } else {
    struct passwd *user = getpwuid(getuid());
    snprintf(path, sizeof path, "/tmp/archforge-%s", user ? user->pw_name : "?");
  }
  if (mkdir(path, 0700) != 0 && errno != EEXIST) return NULL;
  if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 07777) != 0700) {
    return NULL;
  }
  return path;
}

/* A connection to the socket at path, or -1 when nothing answers there. */
static int connect_to(const char *path) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof address.sun_path) return -1;
  strcpy(address.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* How many daemons answer in the folder; sockets that no longer answer are removed. */
static int live(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return MAX_DAEMONS;
  int count = 0;
  char path[4096 + 2 + sizeof(((struct dirent *)0)->d_name)];
  for (struct dirent *entry; (entry = readdir(d));) {
    size_t length = strlen(entry->d_name);
    if (length < 5 || strcmp(entry->d_name + length - 5, ".sock") != 0) continue;
    snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
    int fd = connect_to(path);
    if (fd < 0) {
      unlink(path);
    } else {
      close(fd);
      count++;
    }
  }
  closedir(d);
  return count;
}

/* Starts the daemon in a session of its own (Ctrl-C in the terminal does not reach it), output to its log. */
static pid_t start(char **daemon, int n, const char *socket_path, const char *log) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  setsid();
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  signal(SIGPIPE, SIG_DFL);
  int in = open("/dev/null", O_RDONLY);
  int out = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) _exit(127);
  long limit = sysconf(_SC_OPEN_MAX);
  for (int fd = 3; fd < (limit > 0 && limit < 65536 ? limit : 65536); fd++) close(fd);
  char **argv = calloc(n + 2, sizeof *argv);
  if (!argv) _exit(127);
  memcpy(argv, daemon, n * sizeof *argv);
  argv[n] = (char *)socket_path;
  execvp(argv[0], argv);
  _exit(127);
}

/* Waits for the daemon to answer; -1 when it exits first or takes too long to start. */
static int await(const char *socket_path, pid_t daemon) {
  struct timespec pause = {0, 20 * 1000000L};
  for (int waited = 0; waited < START_WAIT_MILLIS; waited += 20) {
    if (waitpid(daemon, NULL, WNOHANG) != 0) return -1;
    int fd = connect_to(socket_path);
    if (fd >= 0) return fd;
    nanosleep(&pause, NULL);
  }
  return -1;
}

static int write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, bytes, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    bytes += n;
    length -= (size_t)n;
  }
  return 0;
}

static int read_all(int fd, void *into, size_t length) {
  char *bytes = into;
  while (length > 0) {
    ssize_t n = read(fd, bytes, length);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    bytes += n;
    length -= (size_t)n;
  }
  return 0;
}

static int send_request(int fd, const char *cwd, char **args, int count) {
  struct buffer request = {0};
  append_int(&request, MAGIC);
  append_string(&request, cwd, strlen(cwd));
  append_int(&request, (uint32_t)count);
  for (int i = 0; i < count; i++) append_string(&request, args[i], strlen(args[i]));
  uint32_t entries = 0;
  struct buffer env = {0};
  for (char **e = environ; *e; e++) {
    const char *equals = strchr(*e, '=');
    if (!equals || equals == *e) continue; /* as the JVM: no name, no entry */
    append_string(&env, *e, (size_t)(equals - *e));
    append_string(&env, equals + 1, strlen(equals + 1));
    entries++;
  }
  append_int(&request, entries);
  if (env.length) append(&request, env.bytes, env.length);
  append_string(&request, isatty(1) ? TERMINAL : NULL, strlen(TERMINAL));
  append_string(&request, isatty(2) ? TERMINAL : NULL, strlen(TERMINAL));
  int result = write_all(fd, request.bytes, request.length);
  free(request.bytes);
  free(env.bytes);
  return result;
}

/* Prints the daemon's answer; its exit code, or RUN_IT_YOURSELF only when nothing was printed. */
static int answer(int fd) {
  static char chunk[65536];
  int printed = 0, broken[3] = {0, 0, 0};
  for (;;) {
    unsigned char head[5];
    if (read_all(fd, head, 5) != 0) break;
    uint32_t value = (uint32_t)head[1] << 24 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 8 | head[4];
    if (head[0] == FRAME_EXIT) return (int)value & 0xff;
    if (head[0] == FRAME_DECLINED) return printed ? 1 : RUN_IT_YOURSELF;
    if ((head[0] != FRAME_OUT && head[0] != FRAME_ERR) || value > MAX_FRAME) break;
    int to = head[0] == FRAME_OUT ? 1 : 2;
    for (size_t left = value; left > 0;) {
      size_t n = left < sizeof chunk ? left : sizeof chunk;
      if (read_all(fd, chunk, n) != 0) goto stopped;
      /* A closed stdout is no reason to stop: the JVM's streams ignore such errors too. */
      if (!broken[to] && write_all(to, chunk, n) != 0) broken[to] = 1;
      left -= n;
      printed = 1;
    }
  }
stopped:
  if (!printed) return RUN_IT_YOURSELF;
  static const char message[] = "archforge: the daemon stopped in the middle of the run\n";
  write_all(2, message, sizeof message - 1);
  return 1;
}

int main(int argc, char **argv) {
  signal(SIGPIPE, SIG_IGN);
  if (argc < 3) return RUN_IT_YOURSELF;
  const char *jar = argv[1];
  int n = atoi(argv[2]);
  if (n < 1 || 3 + n > argc) return RUN_IT_YOURSELF;
  char **daemon = argv + 3;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return RUN_IT_YOURSELF;
  mode_t mask = umask(0);
  umask(mask);
  const char *dir = folder();
  if (!dir) return RUN_IT_YOURSELF;
  char socket_path[4200], log[4200];
  uint64_t name = key(cwd, mask, jar, daemon, n);
  snprintf(socket_path, sizeof socket_path, "%s/%llx.sock", dir, (unsigned long long)name);
  snprintf(log, sizeof log, "%s/%llx.log", dir, (unsigned long long)name);
  struct stat st;
  int fd = lstat(socket_path, &st) == 0 ? connect_to(socket_path) : -1;
  if (fd < 0 && live(dir) < MAX_DAEMONS) {
    pid_t pid = start(daemon, n, socket_path, log);
    if (pid > 0) fd = await(socket_path, pid);
  }
  if (fd < 0) return RUN_IT_YOURSELF;
  forward_stops(fd);
  if (send_request(fd, cwd, argv + 3 + n, argc - 3 - n) != 0) return finish(RUN_IT_YOURSELF);
  return finish(answer(fd));
}
