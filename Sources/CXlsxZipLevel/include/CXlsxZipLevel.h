#ifndef CXLSXZIPLEVEL_H
#define CXLSXZIPLEVEL_H

/// Sets the deflate level of the zip entries libxlsxwriter writes from now on (0-9), or -1
/// to leave libxlsxwriter's own choice (zlib's default, 6). Returns 1 when the real minizip
/// function was found, 0 when not.
int trustlens_set_xlsx_zip_level(int level);

#endif
