// Servers started by tests are child processes: when a test crashes or is killed, they must not
// outlive it (a lingering server keeps its port, its temporary folder and a core busy). On Linux the
// kernel kills the child when its parent dies (PR_SET_PDEATHSIG); elsewhere this does nothing.
#pragma once

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace tandem::testing {

inline void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process)
#endif
}

} // namespace tandem::testing
