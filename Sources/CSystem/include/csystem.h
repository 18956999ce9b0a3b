#ifndef LAPAK_CSYSTEM_H
#define LAPAK_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int lapak_rename_exchange(const char *from, const char *to);

/// Returns memory freed by the program to the system (glibc malloc_trim(0)); does nothing
/// where the C library has no such call.
void lapak_release_free_memory(void);

#endif
