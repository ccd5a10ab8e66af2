// The entry points SwiftPM gives executable targets (`<Target>_main`), handed to libFuzzer's
// driver with the target's LLVMFuzzerTestOneInput.
#include <stddef.h>
#include <stdint.h>
#include "FuzzMain.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int FuzzCSV_main(int argc, char **argv) { return run(argc, argv); }
int FuzzCriteria_main(int argc, char **argv) { return run(argc, argv); }
int FuzzLoad_main(int argc, char **argv) { return run(argc, argv); }
int FuzzCLI_main(int argc, char **argv) { return run(argc, argv); }
int FuzzWorkbook_main(int argc, char **argv) { return run(argc, argv); }
