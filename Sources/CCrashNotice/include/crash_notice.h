#ifndef CLAIMLINT_CRASH_NOTICE_H
#define CLAIMLINT_CRASH_NOTICE_H

/// A note on stderr naming the file being linted when a fatal signal (a Swift trap is SIGILL on
/// x86_64, SIGTRAP on arm64) ends the process. Written in C so the handler does only
/// async-signal-safe work: no allocation, no locks, no Swift runtime calls.

/// Installs the handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT. Each handler
/// writes one line with write(2), then chains to the handler installed before (the Swift
/// runtime's backtracer, so the backtrace still prints) or, when there was none, restores the
/// default action and re-raises. Idempotent.
void claimlint_crash_notice_install(void);

/// Records that this thread is linting `path` (copied, truncated to the slot size) and returns
/// a token for `claimlint_crash_notice_leave`; -1 when every slot is taken (the note then says
/// the file is unknown).
int claimlint_crash_notice_enter(const char *path);

/// Clears the record made by `claimlint_crash_notice_enter`.
void claimlint_crash_notice_leave(int token);

#endif
