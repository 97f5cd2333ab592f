#include <stddef.h>
#include <stdint.h>
/* libFuzzer's entry point for programs that keep their own main (LLVM >= 12). SwiftPM links an
   executable target with `--defsym main=<Target>_main`, so the harness defines that and hands
   control to libFuzzer here instead of relying on libFuzzer's own main. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
