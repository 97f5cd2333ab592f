/* Debian's libxml2 is built with ICU: <libxml/encoding.h> pulls <unicode/ucnv.h>, whose
   UErrorCode clashes with Foundation's private _FoundationICU module. We never touch the
   ICU fields of xmlCharEncodingHandler (all the macro changes), so hide the ICU part. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
