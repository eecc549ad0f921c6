// Larger stdio buffers for the temporary files libxlsxwriter makes while closing a workbook.
//
// libxlsxwriter 1.1.4 writes each sheet's XML into a temporary file at close (for a
// constant-memory sheet, a copy of its row file) and then reads it back into the zip. Those
// files get stdio's default buffer, the file system's 4 KB block: the 1.1 GB Entries sheet
// of a 1M-row run takes some 280,000 write calls of 4 KB (`strace` counted 33,306 at 100k
// rows), on the closing thread, after every other output. This file defines libxlsxwriter's own `lxw_tmpfile` in the
// TrustLens executable (libxlsxwriter calls it through its PLT, so the dynamic linker
// resolves the call here); it forwards to the real one (dlsym(RTLD_NEXT)) and, while the
// calling thread collects (`trustlens_xlsx_buffers_collect`), gives the new file a 64 KB
// buffer of its own.
//
// A buffer must outlive its FILE: stdio flushes open files into their buffers at exit.
// `trustlens_xlsx_buffers_free` therefore frees only the buffers of files that are closed —
// whose descriptor no longer names the same file — and leaves the others allocated.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "CXlsxShims.h"

enum { buffer_size = 64 * 1024 };

/// A buffer and the file it was given to, known by descriptor, device and inode.
typedef struct {
  char *buffer;
  int descriptor;
  dev_t device;
  ino_t inode;
} given_buffer;

struct trustlens_xlsx_buffers {
  given_buffer *given;
  int count, limit;
};

static _Thread_local trustlens_xlsx_buffers *collecting = NULL;

typedef FILE *(*tmpfile_fn)(char *tmpdir);

FILE *lxw_tmpfile(char *tmpdir) {
  static _Atomic(tmpfile_fn) real = NULL;
  tmpfile_fn found = real;
  if (!found) real = found = (tmpfile_fn)dlsym(RTLD_NEXT, "lxw_tmpfile");
  if (!found) return NULL;  // libxlsxwriter not loaded (cannot happen when linked)
  FILE *file = found(tmpdir);
  trustlens_xlsx_buffers *buffers = collecting;
  if (!file || !buffers || buffers->count == buffers->limit) return file;
  struct stat status;
  char *buffer = malloc(buffer_size);
  if (!buffer || fstat(fileno(file), &status) != 0 || setvbuf(file, buffer, _IOFBF, buffer_size) != 0) {
    free(buffer);
    return file;
  }
  buffers->given[buffers->count++] = (given_buffer){buffer, fileno(file), status.st_dev, status.st_ino};
  return file;
}

trustlens_xlsx_buffers *trustlens_xlsx_buffers_new(int limit) {
  trustlens_xlsx_buffers *buffers = calloc(1, sizeof *buffers);
  if (!buffers) return NULL;
  buffers->given = calloc((size_t)(limit > 0 ? limit : 1), sizeof(given_buffer));
  if (!buffers->given) {
    free(buffers);
    return NULL;
  }
  buffers->limit = limit > 0 ? limit : 0;
  return buffers;
}

void trustlens_xlsx_buffers_collect(trustlens_xlsx_buffers *buffers) { collecting = buffers; }

int trustlens_xlsx_buffers_free(trustlens_xlsx_buffers *buffers) {
  if (!buffers) return 0;
  int kept = 0;
  for (int i = 0; i < buffers->count; i++) {
    given_buffer given = buffers->given[i];
    struct stat status;
    int open = fstat(given.descriptor, &status) == 0 && status.st_dev == given.device && status.st_ino == given.inode;
    if (open) {
      kept++;  // possibly still its file's buffer: left allocated
    } else {
      free(given.buffer);
    }
  }
  free(buffers->given);
  free(buffers);
  return kept;
}
