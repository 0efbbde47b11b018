/* Stand-in for Windows's bcryptprimitives.dll, for the Wine test prefix only.
 *
 * Rust programs (pydantic-core) call ProcessPrng from bcryptprimitives.dll,
 * which Windows 8 and later have and Wine 8 does not. This forwards it to
 * RtlGenRandom (advapi32!SystemFunction036), which Wine has. It is installed
 * into the Wine prefix's system32 by packaging/build_windows.py and is never
 * part of the bundle: on Windows the system's own DLL is used.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
