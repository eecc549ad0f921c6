#ifndef TRUSTLENS_CXLSXWRITER_SHIM_H
#define TRUSTLENS_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
