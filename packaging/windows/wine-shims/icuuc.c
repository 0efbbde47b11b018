/* Stand-in for Windows's icuuc.dll (ICU, in Windows 10 1703 and later), for
 * the Wine test prefix only.
 *
 * Qt 6's QtCore imports ICU's converter functions (ucnv_*) from the system's
 * icuuc.dll, to offer legacy encodings such as GB18030 through
 * QStringConverter. Wine 8 has no ICU, so QtCore would not load at all. These
 * stand-ins report that no ICU converter exists (Qt then keeps its built-in
 * UTF-8/UTF-16/UTF-32/Latin-1 converters, the only ones ApplyWizard uses).
 * Installed into the Wine prefix's system32 by packaging/build_windows.py;
 * never part of the bundle: on Windows the system's own ICU is used.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16

static void fail(UErrorCode *status, UErrorCode code)
{
    if (status != NULL && *status <= 0)
        *status = code;
}

void *ucnv_open(const char *name, UErrorCode *status)
{
    (void)name;
    fail(status, U_FILE_ACCESS_ERROR);
    return NULL;
}

void ucnv_close(void *converter) { (void)converter; }
void ucnv_reset(void *converter) { (void)converter; }
int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }

const char *ucnv_getName(const void *converter, UErrorCode *status)
{
    (void)converter;
    fail(status, U_UNSUPPORTED_ERROR);
    return NULL;
}

void ucnv_getToUCallBack(const void *converter, void **action, const void **context)
{
    (void)converter;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

void ucnv_getFromUCallBack(const void *converter, void **action, const void **context)
{
    (void)converter;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

void ucnv_setToUCallBack(void *converter, void *action, const void *context,
                         void **old_action, const void **old_context, UErrorCode *status)
{
    (void)converter; (void)action; (void)context; (void)old_action; (void)old_context;
    fail(status, U_UNSUPPORTED_ERROR);
}

void ucnv_setFromUCallBack(void *converter, void *action, const void *context,
                           void **old_action, const void **old_context, UErrorCode *status)
{
    (void)converter; (void)action; (void)context; (void)old_action; (void)old_context;
    fail(status, U_UNSUPPORTED_ERROR);
}

void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}

void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                           UErrorCode *status)
{
    (void)args; (void)source; (void)length; (void)offset;
    fail(status, U_UNSUPPORTED_ERROR);
}

void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit,
                             int32_t offset, UErrorCode *status)
{
    (void)args; (void)source; (void)limit; (void)offset;
    fail(status, U_UNSUPPORTED_ERROR);
}

void ucnv_toUnicode(void *converter, UChar **target, const UChar *target_limit,
                    const char **source, const char *source_limit, int32_t *offsets,
                    int8_t flush, UErrorCode *status)
{
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(status, U_UNSUPPORTED_ERROR);
}

void ucnv_fromUnicode(void *converter, char **target, const char *target_limit,
                      const UChar **source, const UChar *source_limit, int32_t *offsets,
                      int8_t flush, UErrorCode *status)
{
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(status, U_UNSUPPORTED_ERROR);
}

int32_t ucnv_toUCountPending(const void *converter, UErrorCode *status)
{
    (void)converter;
    fail(status, U_UNSUPPORTED_ERROR);
    return 0;
}

int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *status)
{
    (void)converter;
    fail(status, U_UNSUPPORTED_ERROR);
    return 0;
}

const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *status)
{
    (void)name; (void)standard;
    fail(status, U_UNSUPPORTED_ERROR);
    return NULL;
}

const char *ucnv_getAvailableName(int32_t index) { (void)index; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
