import Foundation

/// Long-lived threads for lint work that must run off the cooperative pool (so a time limit can
/// abandon it). Starting a thread per file cost a sixth of a two-core run (8 MB stacks mapped
/// and unmapped 2,000 times); these threads are reused. A thread whose job overran its limit
/// stays busy (Swift cannot stop it), so the next job simply starts another thread.
final class WorkerThreads: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var idleThreads = 0
    private let stackSize: Int

    init(stackSize: Int) { self.stackSize = stackSize }

    /// Runs `job` on an idle worker, or on a new one when every worker is busy.
    func run(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        // Each idle worker takes one queued job; more jobs than idle workers need a new thread,
        // or a job would wait behind a running (perhaps runaway) one while its timer runs.
        if jobs.count > idleThreads {
            let thread = Thread { [self] in workLoop() }
            thread.stackSize = stackSize
            thread.start()
        } else {
            condition.signal()
        }
        condition.unlock()
    }

    private func workLoop() {
        condition.lock()
        while true {
            while jobs.isEmpty {
                idleThreads += 1
                condition.wait()
                idleThreads -= 1
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
