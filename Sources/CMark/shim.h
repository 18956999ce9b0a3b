#ifndef LAPAK_CMARK_SHIM_H
#define LAPAK_CMARK_SHIM_H
#include <cmark.h>
#endif
