#ifndef CXLSXZIPLEVEL_H
#define CXLSXZIPLEVEL_H

/// Sets the deflate level of the zip entries libxlsxwriter writes from now on (0-9), or -1
/// to leave libxlsxwriter's own choice (zlib's default, 6). Returns 1 when the real minizip
/// function was found, 0 when not.
int trustlens_set_xlsx_zip_level(int level);

/// 1 once libxlsxwriter has opened a zip entry through TrustLens (so the level took
/// effect), 0 before that or where the call is not routed (another platform or linker).
int trustlens_xlsx_zip_routed(void);

#endif
