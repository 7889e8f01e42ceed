// Chrome trace-event output (PYC_TASK_TRACE=file.json). Each worker appends
// one event (name, start, duration) per task or parallel_for chunk it runs to
// its own buffer, so recording takes no lock. When the pool stops (shutdown,
// exit) the buffers are written as a JSON array of complete events
// {"ph":"X","ts":us,"dur":us,"pid":1,"tid":worker} plus thread_name metadata,
// which chrome://tracing and ui.perfetto.dev open. Each worker copies every
// distinct name pointer once (found again by pointer, so the common case is a
// compare): the trace is written at exit, when the JIT code that held the
// name constants may already be gone.
#include <stdio.h>
#include <string.h>

#include "task_internal.h"

static const char *name_copy(Worker *w, const char *name) {
  for (int64_t i = w->nnames - 1; i >= 0; i--)
    if (w->names[i].src == name) return w->names[i].copy;
  PycRuntime *rt = w->rt;
  if (w->nnames == w->capnames) {
    int64_t cap = w->capnames ? w->capnames * 2 : 16;
    TraceName *nn = rt_alloc(rt, sizeof(TraceName) * (size_t)cap);
    if (!nn) return "task";
    if (w->nnames) memcpy(nn, w->names, sizeof(TraceName) * (size_t)w->nnames);
    rt_free(rt, w->names, sizeof(TraceName) * (size_t)w->capnames);
    w->names = nn;
    w->capnames = cap;
  }
  size_t size = strlen(name) + 1;
  char *copy = rt_alloc(rt, size);
  if (!copy) return "task";
  memcpy(copy, name, size);
  w->names[w->nnames++] = (TraceName){name, copy, size};
  return copy;
}

static void names_free(Worker *w) {
  for (int64_t i = 0; i < w->nnames; i++) rt_free(w->rt, w->names[i].copy, w->names[i].size);
  rt_free(w->rt, w->names, sizeof(TraceName) * (size_t)w->capnames);
  w->names = NULL;
  w->nnames = w->capnames = 0;
}

void trace_record(Worker *w, const char *name, double t_start, double t_end) {
  PycRuntime *rt = w->rt;
  name = name_copy(w, name ? name : "task");
  if (w->nev == w->capev) {
    int64_t cap = w->capev ? w->capev * 2 : 4096;
    TraceEv *ev = rt_alloc(rt, sizeof(TraceEv) * (size_t)cap);
    if (!ev) return;  // drop the event rather than fail the task
    if (w->nev) memcpy(ev, w->ev, sizeof(TraceEv) * (size_t)w->nev);
    rt_free(rt, w->ev, sizeof(TraceEv) * (size_t)w->capev);
    w->ev = ev;
    w->capev = cap;
  }
  w->ev[w->nev].name = name;
  w->ev[w->nev].ts = t_start - rt->t0;
  w->ev[w->nev].dur = t_end - t_start;
  w->nev++;
}

static void put_json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(f, "\\%c", c);
    else if (c < 0x20)
      fprintf(f, "\\u%04x", c);
    else
      fputc(c, f);
  }
  fputc('"', f);
}

void trace_write(PycRuntime *rt) {
  if (!rt->trace_path || !rt->workers) return;
  FILE *f = fopen(rt->trace_path, "w");
  if (!f) {
    fprintf(stderr, "pyc-task runtime: cannot write trace %s\n", rt->trace_path);
    return;
  }
  fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n", f);
  fputs("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"pyc-task\"}}", f);
  for (int32_t i = 0; i < rt->nthreads; i++) {
    Worker *w = &rt->workers[i];
    fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%d,"
               "\"args\":{\"name\":\"worker %d\"}}", (int)i, (int)i);
    for (int64_t k = 0; k < w->nev; k++) {
      fputs(",\n{\"name\":", f);
      put_json_str(f, w->ev[k].name);
      fprintf(f, ",\"cat\":\"task\",\"ph\":\"X\",\"ts\":%.3f,\"dur\":%.3f,\"pid\":1,\"tid\":%d}",
              w->ev[k].ts * 1e6, w->ev[k].dur * 1e6, (int)i);
    }
    w->nev = 0;
    names_free(w);
  }
  fputs("\n]}\n", f);
  fclose(f);
}
