// The declaration in include/libfuzzer.h is the whole module; the runtime archive defines it.
#include "libfuzzer.h"
