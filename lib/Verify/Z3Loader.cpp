//===- Z3Loader.cpp - Load libz3 on the first call into it ----------------===//
//
// With TOLLGATE_LAZY_Z3, the binary is linked against stubs of the Z3_*
// functions (tools/cmake/LazyZ3.cmake) rather than against libz3, so that
// commands that never solve do not pay for loading it. The first call of a
// stub lands here: libz3 is opened by its soname and every stub resolved.
//
//===----------------------------------------------------------------------===//

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

extern "C" {
/// One entry per stub, null until libz3 is loaded.
extern void *tollgate_z3_table[];
extern const uint32_t tollgate_z3_count;
extern const char tollgate_z3_soname[];
/// The stubs' names, each NUL-terminated, in the order of the table.
extern const char tollgate_z3_names[];

void tollgate_z3_load();
}

/// A missing solver library is an installation error that no command can
/// recover from once it needs the solver.
[[noreturn]] static void cannotLoad(const char *What) {
  std::fprintf(stderr, "tollgate: error: cannot load the Z3 solver (%s): %s\n",
               tollgate_z3_soname, What);
  std::fflush(stderr);
  std::_Exit(2);
}

void tollgate_z3_load() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    void *Library = dlopen(tollgate_z3_soname, RTLD_NOW | RTLD_LOCAL);
    if (!Library)
      cannotLoad(dlerror());
    const char *Name = tollgate_z3_names;
    for (uint32_t I = 0; I < tollgate_z3_count; ++I) {
      void *Function = dlsym(Library, Name);
      if (!Function)
        cannotLoad(dlerror());
      __atomic_store_n(&tollgate_z3_table[I], Function, __ATOMIC_RELEASE);
      Name += std::strlen(Name) + 1;
    }
  });
}
