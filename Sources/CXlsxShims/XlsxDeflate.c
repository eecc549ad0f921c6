// How the zip entries of libxlsxwriter's workbooks are deflated: at the level TrustLens
// chose, and on every core.
//
// libxlsxwriter 1.1.4 (Debian 12) packages a workbook with the system minizip, always at
// zlib's default level 6, on the closing thread, and offers no option to change either.
// Deflating the sheets is most of the time spent closing a large workbook (1M Entries rows:
// `workbook_close` took 16.4 s at level 6 here, 9.1 s at level 2, one core).
//
// This file defines three of minizip's functions in the TrustLens executable; the dynamic
// linker resolves libxlsxwriter's calls to them, and they forward to the real functions
// (found with dlsym(RTLD_NEXT)):
// - `zipOpenNewFileInZip4_64` opens each entry at the chosen level and, once the closing
//   thread has chosen its deflate threads (`trustlens_set_xlsx_deflate_threads`), in
//   minizip's raw mode: the bytes written are then already deflated, and the entry's CRC-32
//   and size are given at close.
// - `zipWriteInFileInZip` gathers a raw entry's bytes into 1 MiB chunks. Worker threads
//   deflate the chunks side by side, pigz's way: each chunk is a deflate stream of its own,
//   primed with the 32 KB before it as dictionary and ended on a byte boundary (a sync flush),
//   the last one finished; joined in order they make one valid deflate stream. The
//   compressed chunks are written in order, so the file's bytes depend neither on scheduling
//   nor on the number of threads (with one, there are no workers: each chunk is deflated on
//   the writing thread, the same way).
// - `zipCloseFileInZip` deflates the last chunk, writes what is left and closes the raw entry
//   with the CRC-32 (chunk CRCs joined by `crc32_combine`) and size of the bytes written.
// Other entries (a level of 0, or no threads chosen) pass straight through. An entry's
// open, writes and close come from one thread (libxlsxwriter's packager), so the entry being
// written is a thread-local. Only libxlsxwriter uses minizip in the process.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "CXlsxShims.h"

enum {
  zip_ok = 0,
  zip_errno = -1,
  zip_param_error = -102,
  zip_internal_error = -104,
  chunk_size = 1 << 20,
  dictionary_size = 32 * 1024,
  most_threads = 8,
};

typedef int (*open_entry_fn)(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                             unsigned int size_extrafield_local, const void *extrafield_global,
                             unsigned int size_extrafield_global, const char *comment, int method, int level,
                             int raw, int windowBits, int memLevel, int strategy, const char *password,
                             unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                             int zip64);
typedef int (*write_fn)(void *file, const void *buffer, unsigned int length);
typedef int (*close_fn)(void *file);
typedef int (*close_raw_fn)(void *file, unsigned long long uncompressed_size, unsigned long crc);

static atomic_int chosen_level = -1;
/// Deflate threads chosen by the thread closing a workbook; 0: not chosen (minizip deflates).
static _Thread_local int chosen_threads = 0;

/// minizip's own function `name`, or NULL when minizip is not loaded.
static void *real_function(const char *name, _Atomic(void *) *cache) {
  void *found = atomic_load(cache);
  if (!found) {
    found = dlsym(RTLD_NEXT, name);
    atomic_store(cache, found);
  }
  return found;
}

#define REAL(type, name)                                              \
  static type real_##name(void) {                                     \
    static _Atomic(void *) cache = NULL;                              \
    return (type)real_function(#name, &cache);                        \
  }
REAL(open_entry_fn, zipOpenNewFileInZip4_64)
REAL(write_fn, zipWriteInFileInZip)
REAL(close_fn, zipCloseFileInZip)
REAL(close_raw_fn, zipCloseFileInZipRaw64)

// MARK: - Chunks and the entry being written

typedef enum { chunk_free, chunk_queued, chunk_done } chunk_state;

/// One chunk of an entry: its bytes, the 32 KB before them, and once deflated, its stream.
typedef struct {
  unsigned char *input;
  size_t input_length;
  unsigned char dictionary[dictionary_size];
  size_t dictionary_length;
  unsigned char *output;
  size_t output_length, output_capacity;
  unsigned long crc;
  int last;
  int failed;
  chunk_state state;
} chunk;

/// A raw entry being written: a ring of chunks filled by the writing thread, deflated by the
/// workers in the order they were queued, written to the zip in that order.
typedef struct {
  void *file;
  int level, memory_level, strategy;
  chunk *chunks;
  int chunk_count;
  unsigned long long filling;  // sequence number of the chunk being filled
  unsigned long long taken;    // chunks a worker has taken (all queued chunks below `filling`)
  unsigned long long written;  // chunks written to the zip
  pthread_mutex_t lock;
  pthread_cond_t queued, done;
  pthread_t workers[most_threads];
  int worker_count;
  int workers_tried;  // workers are started once, with the first queued chunk
  int stopping;
  unsigned long crc;
  unsigned long long length;
  int error;
} entry;

static _Thread_local entry *current = NULL;

static chunk *chunk_at(entry *e, unsigned long long sequence) { return &e->chunks[sequence % e->chunk_count]; }

/// Deflates `c` with its own stream: primed with its dictionary, ended by a sync flush (or
/// finished, for the last chunk). Sets `failed` when zlib or memory fail.
static void deflate_chunk(chunk *c, const entry *e, z_stream *stream, int *stream_ready) {
  c->crc = crc32(crc32(0L, Z_NULL, 0), c->input, (uInt)c->input_length);
  c->output_length = 0;
  if (*stream_ready) {
    if (deflateReset(stream) != Z_OK) { c->failed = 1; return; }
  } else {
    memset(stream, 0, sizeof *stream);
    if (deflateInit2(stream, e->level, Z_DEFLATED, -MAX_WBITS, e->memory_level, e->strategy) != Z_OK) {
      c->failed = 1;
      return;
    }
    *stream_ready = 1;
  }
  if (c->dictionary_length > 0 &&
      deflateSetDictionary(stream, c->dictionary, (uInt)c->dictionary_length) != Z_OK) { c->failed = 1; return; }
  size_t needed = deflateBound(stream, (uLong)c->input_length) + 64;
  if (c->output_capacity < needed) {
    unsigned char *grown = realloc(c->output, needed);
    if (!grown) { c->failed = 1; return; }
    c->output = grown;
    c->output_capacity = needed;
  }
  stream->next_in = c->input;
  stream->avail_in = (uInt)c->input_length;
  int flush = c->last ? Z_FINISH : Z_SYNC_FLUSH;
  for (;;) {
    stream->next_out = c->output + c->output_length;
    stream->avail_out = (uInt)(c->output_capacity - c->output_length);
    int status = deflate(stream, flush);
    c->output_length = c->output_capacity - stream->avail_out;
    if (status == Z_STREAM_END) break;
    if (status != Z_OK && status != Z_BUF_ERROR) { c->failed = 1; return; }
    if (stream->avail_out > 0) {  // flushed; a last chunk ends only with Z_STREAM_END
      if (c->last) c->failed = 1;
      break;
    }
    // The output was full: grow it and go on.
    unsigned char *grown = realloc(c->output, c->output_capacity * 2);
    if (!grown) { c->failed = 1; return; }
    c->output = grown;
    c->output_capacity *= 2;
  }
}

/// A worker: deflates queued chunks, oldest first, until the entry stops.
static void *worker_main(void *argument) {
  entry *e = argument;
  z_stream stream;
  int stream_ready = 0;
  pthread_mutex_lock(&e->lock);
  for (;;) {
    while (!e->stopping && e->taken == e->filling) pthread_cond_wait(&e->queued, &e->lock);
    if (e->taken == e->filling) break;  // stopping, nothing left
    chunk *c = chunk_at(e, e->taken++);
    pthread_mutex_unlock(&e->lock);
    deflate_chunk(c, e, &stream, &stream_ready);
    pthread_mutex_lock(&e->lock);
    c->state = chunk_done;
    pthread_cond_broadcast(&e->done);
  }
  pthread_mutex_unlock(&e->lock);
  if (stream_ready) deflateEnd(&stream);
  return NULL;
}

/// Writes the oldest queued chunk to the zip once it is deflated, and frees its place.
static void write_oldest(entry *e) {
  chunk *c = chunk_at(e, e->written);
  pthread_mutex_lock(&e->lock);
  while (c->state != chunk_done) pthread_cond_wait(&e->done, &e->lock);
  pthread_mutex_unlock(&e->lock);
  if (c->failed && !e->error) e->error = zip_internal_error;
  if (!e->error && c->output_length > 0) {
    int status = real_zipWriteInFileInZip()(e->file, c->output, (unsigned int)c->output_length);
    if (status != zip_ok) e->error = status;
  }
  e->crc = crc32_combine(e->crc, c->crc, (z_off_t)c->input_length);
  e->length += c->input_length;
  c->state = chunk_free;
  e->written++;
}

/// Deflates the chunk being filled on this thread (no worker could be started).
static void deflate_here(entry *e, chunk *c) {
  z_stream stream;
  int stream_ready = 0;
  deflate_chunk(c, e, &stream, &stream_ready);
  if (stream_ready) deflateEnd(&stream);
  c->state = chunk_done;
}

/// Starts the workers when the first chunk is queued, once: a worker takes chunks from the
/// first queued one on, so none may start after chunks were deflated here instead. With
/// none, every chunk is deflated here.
static void start_workers(entry *e) {
  e->workers_tried = 1;
  int wanted = chosen_threads;
  if (wanted < 2) return;  // one thread: this one
  if (wanted > most_threads) wanted = most_threads;
  while (e->worker_count < wanted &&
         pthread_create(&e->workers[e->worker_count], NULL, worker_main, e) == 0) e->worker_count++;
}

/// Queues the chunk being filled (the last one when `last`) and makes the next one ready to
/// fill, writing older chunks to the zip when the ring is full.
static void queue_filling(entry *e, int last) {
  chunk *c = chunk_at(e, e->filling);
  c->last = last;
  c->failed = 0;
  if (e->filling == 0 && last) {
    deflate_here(e, c);  // a small entry: one chunk, no threads
    e->filling++;
    return;
  }
  if (!e->workers_tried) start_workers(e);
  if (e->worker_count == 0) {
    deflate_here(e, c);
    e->filling++;
  } else {
    pthread_mutex_lock(&e->lock);
    c->state = chunk_queued;
    e->filling++;
    pthread_cond_signal(&e->queued);
    pthread_mutex_unlock(&e->lock);
  }
  if (last) return;
  if (e->filling - e->written == (unsigned long long)e->chunk_count) write_oldest(e);
  chunk *next = chunk_at(e, e->filling);
  if (!next->input && !(next->input = malloc(chunk_size))) {  // the ring's buffers are made as needed
    if (!e->error) e->error = zip_internal_error;
    return;
  }
  // The next chunk's dictionary: the last 32 KB of the one just queued.
  size_t keep = c->input_length < dictionary_size ? c->input_length : dictionary_size;
  memcpy(next->dictionary, c->input + c->input_length - keep, keep);
  next->dictionary_length = keep;
  next->input_length = 0;
}

static void free_entry(entry *e) {
  if (!e) return;
  pthread_mutex_lock(&e->lock);
  e->stopping = 1;
  pthread_cond_broadcast(&e->queued);
  pthread_mutex_unlock(&e->lock);
  for (int i = 0; i < e->worker_count; i++) pthread_join(e->workers[i], NULL);
  for (int i = 0; e->chunks && i < e->chunk_count; i++) {
    free(e->chunks[i].input);
    free(e->chunks[i].output);
  }
  free(e->chunks);
  pthread_mutex_destroy(&e->lock);
  pthread_cond_destroy(&e->queued);
  pthread_cond_destroy(&e->done);
  free(e);
}

/// A new entry with its chunk ring (the first chunk's buffer made), or NULL when memory is
/// short.
static entry *new_entry(void *file, int level, int memory_level, int strategy) {
  entry *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  int threads = chosen_threads;
  e->file = file;
  e->level = level;
  e->memory_level = memory_level;
  e->strategy = strategy;
  e->chunk_count = 2 * (threads < most_threads ? threads : most_threads);
  e->chunks = calloc((size_t)e->chunk_count, sizeof(chunk));
  pthread_mutex_init(&e->lock, NULL);
  pthread_cond_init(&e->queued, NULL);
  pthread_cond_init(&e->done, NULL);
  e->crc = crc32(0L, Z_NULL, 0);
  if (!e->chunks || !(e->chunks[0].input = malloc(chunk_size))) {
    free_entry(e);
    return NULL;
  }
  return e;
}

/// Finishes `e`: deflates and writes what is left, then closes the raw entry with its CRC-32
/// and size. Returns minizip's status, or the first error met while writing.
static int finish_entry(entry *e) {
  queue_filling(e, 1);
  while (e->written < e->filling) write_oldest(e);
  int status = real_zipCloseFileInZipRaw64()(e->file, e->length, e->crc);
  return e->error ? e->error : status;
}

// MARK: - minizip's functions, as libxlsxwriter sees them

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level, int raw,
                            int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
  open_entry_fn real = real_zipOpenNewFileInZip4_64();
  if (!real) return zip_param_error;  // minizip not found (cannot happen when linked)
  if (current) {
    // An entry left open after an error. In this zip, close it as minizip would; in another,
    // that zip failed with it and may be gone (libxlsxwriter opens one zip at a time on a
    // thread), so only let the entry go.
    if (current->file == file) finish_entry(current);
    free_entry(current);
    current = NULL;
  }
  int wanted = atomic_load(&chosen_level);
  if (wanted >= 0 && wanted <= 9 && level != 0) level = wanted;
  entry *e = NULL;
  if (method == Z_DEFLATED && !raw && level != 0 && password == NULL && chosen_threads > 0 &&
      real_zipWriteInFileInZip() && real_zipCloseFileInZipRaw64()) {
    e = new_entry(file, level, memLevel, strategy);
  }
  int status = real(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                    size_extrafield_global, comment, method, level, e ? 1 : raw, windowBits, memLevel, strategy,
                    password, crcForCrypting, versionMadeBy, flagBase, zip64);
  if (status == zip_ok) {
    current = e;
  } else {
    free_entry(e);
  }
  return status;
}

int zipWriteInFileInZip(void *file, const void *buffer, unsigned int length) {
  entry *e = current;
  if (!e || e->file != file) {
    write_fn real = real_zipWriteInFileInZip();
    return real ? real(file, buffer, length) : zip_param_error;
  }
  const unsigned char *bytes = buffer;
  while (length > 0 && !e->error) {
    chunk *c = chunk_at(e, e->filling);
    if (c->input_length == chunk_size) {
      queue_filling(e, 0);
      continue;
    }
    size_t room = chunk_size - c->input_length;
    size_t take = length < room ? length : room;
    memcpy(c->input + c->input_length, bytes, take);
    c->input_length += take;
    bytes += take;
    length -= (unsigned int)take;
  }
  return e->error;
}

int zipCloseFileInZip(void *file) {
  entry *e = current;
  if (!e || e->file != file) {
    close_fn real = real_zipCloseFileInZip();
    return real ? real(file) : zip_param_error;
  }
  current = NULL;
  int status = finish_entry(e);
  free_entry(e);
  return status;
}

int trustlens_set_xlsx_zip_level(int level) {
  atomic_store(&chosen_level, level);
  return real_zipOpenNewFileInZip4_64() != NULL;
}

void trustlens_set_xlsx_deflate_threads(int threads) { chosen_threads = threads < 0 ? 0 : threads; }

void trustlens_xlsx_deflate_abandon(void) {
  free_entry(current);
  current = NULL;
}
