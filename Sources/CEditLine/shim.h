/*
 * Non-variadic entry points into libedit for Swift.
 *
 * libedit's el_set, el_get and history take C variadic arguments, which Swift
 * cannot call, and Swift 6 rejects the mutable C globals stdin/stdout/stderr.
 * Every function here is a `static inline` wrapper with a fixed signature.
 * None of them keeps state: a `static` variable in this header would be
 * duplicated in every Swift object file that calls into it.
 */
#ifndef VERDICT_CEDITLINE_SHIM_H
#define VERDICT_CEDITLINE_SHIM_H

#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* Standard streams. */

static inline FILE *verdict_stdin(void) { return stdin; }
static inline FILE *verdict_stdout(void) { return stdout; }
static inline FILE *verdict_stderr(void) { return stderr; }

/* Locale: libedit decodes input and measures glyphs through the C locale. */

/* Adopts the environment's LC_CTYPE; when that is the ASCII-only C/POSIX
 * locale, switches to C.UTF-8 so multi-byte input survives. Returns 1 when the
 * resulting character set is UTF-8. */
static inline int verdict_adopt_utf8_ctype(void) {
  setlocale(LC_CTYPE, "");
  if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
    return 1;
  }
  if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
    setlocale(LC_CTYPE, "C.utf8");
  }
  return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

/* Editor configuration (el_set). */

typedef char *(*verdict_prompt_fn)(EditLine *);
typedef unsigned char (*verdict_command_fn)(EditLine *, int);
typedef int (*verdict_read_fn)(EditLine *, wchar_t *);

static inline int verdict_el_set_prompt(EditLine *el, verdict_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}

static inline int verdict_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

static inline int verdict_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

static inline int verdict_el_set_addfn(EditLine *el, const char *name,
                                       const char *help,
                                       verdict_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int verdict_el_bind(EditLine *el, const char *key,
                                  const char *command) {
  return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

static inline int verdict_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int verdict_el_set_getcfn(EditLine *el, verdict_read_fn fn) {
  return el_set(el, EL_GETCFN, fn);
}

/* Switches the terminal to libedit's raw editing mode (1) or back (0). */
static inline int verdict_el_prep_term(EditLine *el, int raw) {
  return el_set(el, EL_PREP_TERM, raw);
}

/* Redraws the prompt and line from scratch at the cursor position. */
static inline int verdict_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

static inline int verdict_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

/* Editor queries (el_get). */

static inline void *verdict_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

/* Terminal width in columns, or 0 when unknown. */
static inline int verdict_el_get_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0) {
    return 0;
  }
  return columns;
}

/* History (the narrow `history` function; entries are UTF-8). */

static inline int verdict_history_set_size(History *h, int size) {
  HistEvent event;
  return history(h, &event, H_SETSIZE, size);
}

static inline int verdict_history_set_unique(History *h, int unique) {
  HistEvent event;
  return history(h, &event, H_SETUNIQUE, unique);
}

static inline int verdict_history_enter(History *h, const char *line) {
  HistEvent event;
  return history(h, &event, H_ENTER, line);
}

static inline int verdict_history_load(History *h, const char *path) {
  HistEvent event;
  return history(h, &event, H_LOAD, path);
}

static inline int verdict_history_save_fp(History *h, FILE *file) {
  HistEvent event;
  return history(h, &event, H_SAVE_FP, file);
}

/* Number of entries currently held. */
static inline int verdict_history_count(History *h) {
  HistEvent event;
  if (history(h, &event, H_GETSIZE) < 0) {
    return 0;
  }
  return event.num;
}

/* Signals. */

/* Installs `handler` for `signo` without SA_RESTART, so blocking reads fail
 * with EINTR; the disposition it replaces is stored in `previous`. */
static inline int verdict_install_signal_handler(int signo,
                                                 void (*handler)(int),
                                                 struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(signo, &action, previous);
}

static inline int verdict_restore_signal_handler(
    int signo, const struct sigaction *previous) {
  return sigaction(signo, previous, NULL);
}

/* Creates a pipe whose ends are non-blocking and close-on-exec; returns 0 on
 * success and -1 (with errno) on failure. */
static inline int verdict_wake_pipe(int ends[2]) {
  if (pipe(ends) != 0) {
    return -1;
  }
  for (int i = 0; i < 2; i++) {
    int flags = fcntl(ends[i], F_GETFL);
    if (flags == -1 || fcntl(ends[i], F_SETFL, flags | O_NONBLOCK) == -1 ||
        fcntl(ends[i], F_SETFD, FD_CLOEXEC) == -1) {
      close(ends[0]);
      close(ends[1]);
      return -1;
    }
  }
  return 0;
}

#endif
