#ifndef CXLSXDEFLATE_H
#define CXLSXDEFLATE_H

/// Sets the deflate level of the zip entries libxlsxwriter writes from now on (0-9), or -1
/// to leave libxlsxwriter's own choice (zlib's default, 6). Returns 1 when the real minizip
/// function was found, 0 when not.
int trustlens_set_xlsx_zip_level(int level);

/// Sets how many threads deflate each zip entry libxlsxwriter opens from now on on the
/// calling thread (at most 8; call it just before `workbook_close`). With 1, the default,
/// minizip deflates on the calling thread as libxlsxwriter expects; with more, each entry is
/// deflated in 1 MiB chunks side by side (see XlsxDeflate.c). The bytes written are the same
/// for any count above 1.
void trustlens_set_xlsx_deflate_threads(int threads);

#endif
