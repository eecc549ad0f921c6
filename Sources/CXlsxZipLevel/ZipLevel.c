// libxlsxwriter 1.1.4 (Debian 12) packages a workbook with the system minizip, always at
// zlib's default level 6, and offers no option to change it. Deflating the sheets is most
// of the time spent closing a large workbook (1M Entries rows: `workbook_close` took 16.4 s
// at level 6 here, 9.1 s at level 2). This
// file defines minizip's `zipOpenNewFileInZip4_64` in the TrustLens executable: the dynamic
// linker resolves libxlsxwriter's call to it, and it forwards to the real function (found
// with dlsym(RTLD_NEXT)) with the level TrustLens chose. Only the zip entries that
// libxlsxwriter writes go through here; nothing else in the process uses minizip.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "CXlsxZipLevel.h"

typedef int (*open_entry_fn)(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                             unsigned int size_extrafield_local, const void *extrafield_global,
                             unsigned int size_extrafield_global, const char *comment, int method, int level,
                             int raw, int windowBits, int memLevel, int strategy, const char *password,
                             unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                             int zip64);

static atomic_int chosen_level = -1;

static open_entry_fn real_open_entry(void) {
  static _Atomic(open_entry_fn) real = NULL;
  open_entry_fn found = atomic_load(&real);
  if (!found) {
    found = (open_entry_fn)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
    atomic_store(&real, found);
  }
  return found;
}

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi, const void *extrafield_local,
                            unsigned int size_extrafield_local, const void *extrafield_global,
                            unsigned int size_extrafield_global, const char *comment, int method, int level, int raw,
                            int windowBits, int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy, unsigned long flagBase,
                            int zip64) {
  int wanted = atomic_load(&chosen_level);
  if (wanted >= 0 && wanted <= 9 && level != 0) level = wanted;
  open_entry_fn real = real_open_entry();
  if (!real) return -102;  // ZIP_PARAMERROR: minizip not found (cannot happen when linked)
  return real(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
              size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
              crcForCrypting, versionMadeBy, flagBase, zip64);
}

int trustlens_set_xlsx_zip_level(int level) {
  atomic_store(&chosen_level, level);
  return real_open_entry() != NULL;
}
