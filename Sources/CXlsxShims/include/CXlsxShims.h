#ifndef CXLSXSHIMS_H
#define CXLSXSHIMS_H

/// Sets the deflate level of the zip entries libxlsxwriter writes from now on (0-9), or -1
/// to leave libxlsxwriter's own choice (zlib's default, 6). Returns 1 when the real minizip
/// function was found, 0 when not.
int trustlens_set_xlsx_zip_level(int level);

/// Sets how many threads deflate each zip entry libxlsxwriter opens from now on on the
/// calling thread (at most 8; call it just before `workbook_close`). With 1 or more, each
/// entry is deflated in 1 MiB chunks, side by side with several (see XlsxDeflate.c): the bytes
/// written are the same for any count. With 0, the default, minizip deflates the entries as
/// libxlsxwriter expects.
void trustlens_set_xlsx_deflate_threads(int threads);

/// Lets go of the entry the calling thread was deflating when a workbook's close failed part
/// way (its worker threads and buffers); its zip file is not touched.
void trustlens_xlsx_deflate_abandon(void);

/// Buffers given to the temporary files libxlsxwriter makes (see XlsxTempFiles.c).
typedef struct trustlens_xlsx_buffers trustlens_xlsx_buffers;

/// A new, empty set that will give at most `limit` files a 64 KB buffer; NULL when memory
/// is short.
trustlens_xlsx_buffers *trustlens_xlsx_buffers_new(int limit);

/// From now on, temporary files libxlsxwriter makes on the calling thread get buffers from
/// `buffers` (NULL: they keep stdio's default).
void trustlens_xlsx_buffers_collect(trustlens_xlsx_buffers *buffers);

/// Frees the set and the buffers of files that are closed; a buffer whose file may still be
/// open is left allocated (stdio may flush into it until exit). Returns how many were left.
int trustlens_xlsx_buffers_free(trustlens_xlsx_buffers *buffers);

#endif
