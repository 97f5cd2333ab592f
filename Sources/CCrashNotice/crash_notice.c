#include "crash_notice.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// One slot per file being linted at once: one per lint thread (a worker per core, plus the
// cooperative pool's threads and replacements for abandoned workers), so 64 is ample; a thread
// that finds none linted "an unknown file". The buffers are static: nothing is allocated when
// a file starts or when the handler runs.
enum { slotCount = 64, slotBytes = 4096 };
static char slotPaths[slotCount][slotBytes];
static atomic_int slotTaken[slotCount];
// The slot this thread is linting in, or -1. Read by the handler, which runs on the thread that
// trapped: SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGFPE from a fault are delivered to the faulting
// thread, and a Swift trap is such a fault.
static _Thread_local int currentSlot = -1;

int claimlint_crash_notice_enter(const char *path) {
    for (int i = 0; i < slotCount; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&slotTaken[i], &expected, 1)) {
            size_t n = strlen(path);
            if (n >= slotBytes) n = slotBytes - 1;
            memcpy(slotPaths[i], path, n);
            slotPaths[i][n] = 0;
            atomic_signal_fence(memory_order_seq_cst);  // the path is complete before the handler can see the slot
            currentSlot = i;
            return i;
        }
    }
    currentSlot = -1;
    return -1;
}

void claimlint_crash_notice_leave(int token) {
    currentSlot = -1;
    atomic_signal_fence(memory_order_seq_cst);
    if (token >= 0 && token < slotCount) atomic_store(&slotTaken[token], 0);
}

static const int fatalSignals[] = {SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT};
enum { fatalSignalCount = sizeof fatalSignals / sizeof fatalSignals[0] };
static struct sigaction previous[fatalSignalCount];
static atomic_int installed;

static const char *signalName(int sig) {
    switch (sig) {
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    default: return "unknown";
    }
}

static void put(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0) return;  // EINTR cannot be told from a closed stderr here; give up quietly
        s += w;
        n -= (size_t)w;
    }
}

static void onFatalSignal(int sig, siginfo_t *info, void *context) {
    int savedErrno = errno;
    int slot = currentSlot;
    if (slot >= 0) {
        put("claimlint: internal error while linting ");
        put(slotPaths[slot]);
        put(" (signal ");
        put(signalName(sig));
        put("); this is a bug in claimlint, please report it with that file\n");
    } else {
        put("claimlint: internal error (signal ");
        put(signalName(sig));
        put(") outside the linting of a file, or in a file whose name was not recorded; this is a bug in claimlint, please report it\n");
    }
    errno = savedErrno;
    for (int i = 0; i < fatalSignalCount; i++) {
        if (fatalSignals[i] != sig) continue;
        struct sigaction *old = &previous[i];
        if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
            old->sa_sigaction(sig, info, context);
            return;
        }
        if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
            old->sa_handler(sig);
            return;
        }
    }
    // No handler before ours: die of the signal as if we had never been here. The signal is
    // blocked while this handler runs, so the raised one is delivered, with the default action,
    // when it returns (and a fault would recur on return anyway).
    signal(sig, SIG_DFL);
    raise(sig);
}

void claimlint_crash_notice_install(void) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&installed, &expected, 1)) return;
    for (int i = 0; i < fatalSignalCount; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = onFatalSignal;
        sigemptyset(&action.sa_mask);
        // SA_ONSTACK: a stack overflow (SIGSEGV) can only be reported on the alternate stack the
        // Swift runtime sets up, when it does. No SA_RESETHAND: chaining decides what happens next.
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigaction(fatalSignals[i], &action, &previous[i]);
    }
}
