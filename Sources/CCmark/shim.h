/* GitHub's cmark-gfm (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev). The core
   library ships libcmark-gfm.pc; the extensions library has none, so the modulemap links it. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
