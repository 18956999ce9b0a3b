#ifndef LAPAK_CVIPS_SHIM_H
#define LAPAK_CVIPS_SHIM_H
#include <vips/vips.h>
#endif
