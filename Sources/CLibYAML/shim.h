#ifndef LAPAK_LIBYAML_SHIM_H
#define LAPAK_LIBYAML_SHIM_H
#include <yaml.h>
#endif
