// main.c - the `pyc-task` command: argument parsing and exit codes over the
// driver (driver.h), which does all the work.
//   pyc-task check FILE | ir FILE --stage=S | run FILE [ARGS] | build FILE -o PROG
//   | compile FILE.py|PKG/ [-o DIR] (CPython extension modules: tools/aot.c)
// Exit status: 0 success; 1 compile error, I/O error, or an uncaught exception
// in the program (`run`); 2 usage error (unknown command or option, missing
// argument), with a message and a short usage line on stderr.
#include "aot.h"
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE 2

typedef enum Command { CMD_CHECK, CMD_IR, CMD_RUN, CMD_BUILD, CMD_COMPILE, CMD_COUNT } Command;

static const char *const cmd_names[CMD_COUNT] = {"check", "ir", "run", "build", "compile"};
static const char *const cmd_synopsis[CMD_COUNT] = {
    "check FILE [options]",
    "ir FILE --stage=STAGE [options]",
    "run FILE [options] [-- ARGS...]",
    "build FILE -o PROG [options]",
    "compile FILE.py|PACKAGE/ [-o DIR] [options]",
};
static const char *const cmd_help[CMD_COUNT] = {
    "Parse and type-check FILE and print its diagnostics (a .tir FILE is parsed\n"
    "and verified). Exit status 0 when the file is valid, 1 otherwise.\n",
    "Print the output of one compiler stage for FILE to stdout. Stages:\n"
    "  ast       the AST                    typed     the AST with types\n"
    "  tir       TIR as lowered             tir-opt   TIR after the passes\n"
    "  llvm      LLVM IR before -O          llvm-opt  LLVM IR after -O\n"
    "  asm       host assembly              taskgraph the top-level task's launches (DOT)\n"
    "A FILE ending in .tir is read as TIR text and starts at stage tir.\n",
    "Compile FILE, JIT it and run its main() in this process. Arguments after\n"
    "FILE (or after --) are passed to the program. Exit status: the program's\n"
    "(1 after an uncaught exception, printed as `file:line: Kind: message`).\n",
    "Compile FILE into a standalone executable PROG (its main(), linked with\n"
    "the pyc-task runtime; no Python needed at run time).\n",
    "Compile FILE.py into the CPython extension module DIR/FILE<ext-suffix>\n"
    "(e.g. script.cpython-311-x86_64-linux-gnu.so; default DIR: next to FILE):\n"
    "`import FILE` then runs the module's Python code with its compiled\n"
    "functions already in place, and compiles nothing. A PACKAGE directory:\n"
    "every module that imports pyc_task is compiled (in place, or into a copy\n"
    "of the package in DIR/PACKAGE with the other files). Needs `cc`.\n",
};

static const char options_help[] =
    "Options:\n"
    "  -O0 -O1 -O2 -O3     optimization level (default -O3)\n"
    "  --boundscheck       raise IndexError for out-of-bounds array indices\n"
    "  --fastmath          allow floating-point reassociation (vectorized reductions)\n"
    "  --passes=A,B        run these TIR passes instead of the default pipeline\n"
    "  --verify-each       verify the TIR after every pass\n"
    "  --codegen-units=N   build: compile the module as N parts on parallel threads\n"
    "                      (default: one per CPU when the module is large enough)\n"
    "  --time              print the time of each compiler phase to stderr\n"
    "  -h, --help          show help\n";

static void print_main_help(FILE *f) {
  fputs("pyc-task - compile type-annotated Python (@kernel functions and main()) to native "
        "code\n\nUsage:\n",
        f);
  for (int i = 0; i < CMD_COUNT; i++) fprintf(f, "  pyc-task %s\n", cmd_synopsis[i]);
  fputs("  pyc-task --version\n\n", f);
  fputs(options_help, f);
  fputs("\n`pyc-task COMMAND --help` describes a command.\n", f);
}

static void print_cmd_help(Command cmd, FILE *f) {
  fprintf(f, "Usage: pyc-task %s\n\n%s\n%s", cmd_synopsis[cmd], cmd_help[cmd], options_help);
  if (cmd == CMD_IR) fputs("  --stage=STAGE       the stage to print (default tir)\n", f);
  if (cmd == CMD_BUILD) fputs("  -o PROG             the executable to write\n", f);
  if (cmd == CMD_COMPILE) fputs("  -o DIR              the directory to write the modules to\n", f);
}

// A usage error: message, short usage, exit status 2.
static int usage_error(int cmd, const char *fmt, const char *arg) {
  fputs("pyc-task: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  if (cmd >= 0)
    fprintf(stderr, "usage: pyc-task %s\n(see `pyc-task %s --help`)\n", cmd_synopsis[cmd],
            cmd_names[cmd]);
  else
    fputs("usage: pyc-task check|ir|run|build|compile FILE [options]\n(see `pyc-task --help`)\n", stderr);
  return EXIT_USAGE;
}

typedef struct Args {
  Command cmd;
  const char *file;
  const char *out;  // build -o
  PycStage stage;   // ir --stage
  bool time;
  bool help;
  PycOptions opts;
  int prog_argc;  // run: the program's arguments (argv[0] = FILE)
  char **prog_argv;
} Args;

// Parses argv[2..] of a command; returns -1 on success or the exit status.
static int parse_args(Command cmd, int argc, char **argv, Args *a) {
  for (int i = 2; i < argc; i++) {
    char *s = argv[i];
    if (cmd == CMD_RUN && a->file && (s[0] != '-' || strcmp(s, "--") == 0)) {
      // run: everything from the first argument after FILE belongs to the program.
      int first = strcmp(s, "--") == 0 ? i + 1 : i;
      a->prog_argc = argc - first;
      a->prog_argv = argv + first;
      return -1;
    }
    if (strcmp(s, "--") == 0) {
      if (cmd == CMD_RUN) return usage_error(cmd, "%s", "missing FILE before --");
      continue;
    }
    if (s[0] != '-' || s[1] == 0) {
      if (a->file) return usage_error(cmd, "unexpected argument '%s'", s);
      a->file = s;
    } else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
      a->help = true;
    } else if (s[1] == 'O' && s[2] >= '0' && s[2] <= '3' && s[3] == 0) {
      a->opts.opt_level = s[2] - '0';
    } else if (strcmp(s, "--boundscheck") == 0) {
      a->opts.boundscheck = true;
    } else if (strcmp(s, "--fastmath") == 0) {
      a->opts.fastmath = true;
    } else if (strcmp(s, "--verify-each") == 0) {
      a->opts.verify_each = true;
    } else if (strcmp(s, "--time") == 0) {
      a->time = true;
    } else if (strncmp(s, "--codegen-units=", 16) == 0) {
      char *end = NULL;
      long n = strtol(s + 16, &end, 10);
      if (!s[16] || *end || n < 1 || n > 64)
        return usage_error(cmd, "--codegen-units needs a number from 1 to 64, got '%s'", s + 16);
      a->opts.codegen_units = (int)n;
    } else if (strncmp(s, "--passes=", 9) == 0) {
      a->opts.passes = s + 9;
    } else if (cmd == CMD_IR && (strncmp(s, "--stage=", 8) == 0 || strcmp(s, "--stage") == 0)) {
      const char *name = s[7] == '=' ? s + 8 : (i + 1 < argc ? argv[++i] : NULL);
      if (!name) return usage_error(cmd, "%s", "--stage needs a value");
      if (!pyc_stage_lookup(name, &a->stage))
        return usage_error(
            cmd, "unknown stage '%s' (stages: ast typed tir tir-opt taskgraph llvm llvm-opt asm)", name);
    } else if ((cmd == CMD_BUILD || cmd == CMD_COMPILE) && strncmp(s, "-o", 2) == 0) {
      const char *out = s[2] ? s + 2 : (i + 1 < argc ? argv[++i] : NULL);
      if (!out) return usage_error(cmd, "%s", cmd == CMD_BUILD ? "-o needs a file name" : "-o needs a directory");
      a->out = out;
    } else {
      return usage_error(cmd, "unknown option '%s'", s);
    }
  }
  return -1;
}

static int finish(PycCompiler *c, const Args *a, int status) {
  pyc_compiler_print_diags(c, stderr);
  if (a->time) pyc_compiler_print_times(c, stderr);
  pyc_compiler_delete(c);
  return status;
}

static int run_command(const Args *a) {
  if (a->cmd == CMD_COMPILE) return pyc_aot_command(a->file, a->out, &a->opts);
  PycCompiler *c = pyc_compiler_new(&a->opts);
  if (!c) {
    fputs("pyc-task: error: out of memory\n", stderr);
    return 1;
  }
  if (!pyc_compiler_load_file(c, a->file)) return finish(c, a, 1);
  switch (a->cmd) {
  case CMD_CHECK: return finish(c, a, pyc_compiler_check(c) ? 0 : 1);
  case CMD_IR: {
    char *text = pyc_compiler_dump(c, a->stage);
    if (!text) return finish(c, a, 1);
    fputs(text, stdout);
    fflush(stdout);
    free(text);
    return finish(c, a, 0);
  }
  case CMD_RUN: {
    char *default_argv[2] = {(char *)a->file, NULL};
    int argc = 1;
    char **argv = default_argv;
    char **joined = NULL;
    if (a->prog_argc > 0) {
      joined = calloc((size_t)a->prog_argc + 2, sizeof *joined);
      if (!joined) return finish(c, a, 1);
      joined[0] = (char *)a->file;
      memcpy(joined + 1, a->prog_argv, sizeof *joined * (size_t)a->prog_argc);
      argc = a->prog_argc + 1;
      argv = joined;
    }
    // Warnings before the program's output.
    if (!pyc_compiler_optimize(c)) {
      free(joined);
      return finish(c, a, 1);
    }
    pyc_compiler_print_diags(c, stderr);
    int rc = pyc_compiler_run_main(c, argc, argv);
    free(joined);
    return finish(c, a, rc < 0 ? 1 : rc);
  }
  case CMD_BUILD: return finish(c, a, pyc_compiler_build_executable(c, a->out) ? 0 : 1);
  case CMD_COMPILE: break;
  case CMD_COUNT: break;
  }
  return finish(c, a, 1);
}

int main(int argc, char **argv) {
  if (argc < 2) return usage_error(-1, "%s", "no command given");
  const char *name = argv[1];
  if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
    print_main_help(stdout);
    return 0;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    printf("pyc-task %s\n", PYC_VERSION_STRING);
    return 0;
  }
  int cmd = -1;
  for (int i = 0; i < CMD_COUNT; i++)
    if (strcmp(name, cmd_names[i]) == 0) cmd = i;
  if (cmd < 0) {
    if (name[0] == '-')
      return usage_error(-1, "unknown option '%s' (expected a command first)", name);
    return usage_error(-1, "unknown command '%s'", name);
  }

  Args a;
  memset(&a, 0, sizeof a);
  a.cmd = (Command)cmd;
  a.stage = PYC_STAGE_TIR;
  pyc_options_default(&a.opts);
  int rc = parse_args(a.cmd, argc, argv, &a);
  if (rc >= 0) return rc;
  if (a.help) {
    print_cmd_help(a.cmd, stdout);
    return 0;
  }
  if (!a.file) return usage_error(cmd, "%s", "missing FILE");
  if (a.cmd == CMD_BUILD && !a.out) return usage_error(cmd, "%s", "missing -o PROG");
  return run_command(&a);
}
