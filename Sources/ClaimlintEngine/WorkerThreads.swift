import Foundation

/// Long-lived threads for lint work that must run off the cooperative pool (so a time limit can
/// abandon it), one per core.
///
/// Jobs queue here and a free thread takes the next one at once, so the task pool can keep a
/// few files queued without more threads than cores competing for them (four threads on two
/// cores, and a task-pool round trip between one file and the next, cost a tenth of a two-core
/// run). A job's time limit starts when a thread picks it up, not while it waits in the queue.
/// A job that overruns is abandoned: Swift cannot stop its thread, so that thread is written off
/// and a new one takes its place; when the runaway job ends, its thread exits.
final class WorkerThreads: @unchecked Sendable {
    /// One queued piece of work; `abandoned` is guarded by the pool's lock.
    final class Job: @unchecked Sendable {
        fileprivate let work: (Job) -> Void
        fileprivate var abandoned = false
        fileprivate init(_ work: @escaping (Job) -> Void) { self.work = work }
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var threads = 0
    private let width: Int
    private let stackSize: Int

    init(width: Int, stackSize: Int) {
        self.width = max(1, width)
        self.stackSize = stackSize
    }

    /// Queues `work`; it receives its own job, to hand to `abandon` if it overruns.
    func run(_ work: @escaping (Job) -> Void) {
        condition.lock()
        queue.append(Job(work))
        if threads < width {
            threads += 1
            startThread()
        } else {
            condition.signal()
        }
        condition.unlock()
    }

    /// Writes off the thread running `job` (its result will be dropped) and starts a replacement,
    /// so the queued jobs do not wait behind a runaway one.
    func abandon(_ job: Job) {
        condition.lock()
        if !job.abandoned {
            job.abandoned = true
            startThread()
        }
        condition.unlock()
    }

    /// Called with the lock held.
    private func startThread() {
        let thread = Thread { [self] in workLoop() }
        thread.stackSize = stackSize
        thread.start()
    }

    private func workLoop() {
        condition.lock()
        while true {
            while head == queue.count { condition.wait() }
            let job = queue[head]
            head += 1
            if head == queue.count {  // drained: drop the consumed prefix
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.work(job)
            condition.lock()
            if job.abandoned {  // a replacement already took this thread's place
                condition.unlock()
                return
            }
        }
    }
}
