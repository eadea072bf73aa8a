#pragma once
// The one way background work (training, corpus loads, the RNN comparison, forecasts, series reads) runs off the
// GUI thread. A BackgroundJob<Result, Progress> runs one work function at a time and hands back copies:
//
//  * Latest result wins: start() cancels the run still going, and only the newest run's progress and result are
//    ever delivered. cancel() abandons the current run: nothing more is delivered for it.
//  * Cancellation is cooperative: the work polls JobControl::cancelled() (or passes cancelFlag() to a core loop
//    that polls it) and returns early; whatever it returns then is dropped.
//  * Progress: JobControl::report() on the worker; delivered in order on the owner's thread, all of a run's
//    progress before its result.
//  * Nobody waits: neither start(), cancel() nor the destructor blocks on a worker. An abandoned worker runs on
//    until it next polls its flag, touching only what its work function captured (by value or shared_ptr).
//
// Threads. The job belongs to the thread it is constructed on (the owner's, the GUI thread in practice):
// start(), cancel(), isRunning() and destruction happen there, and the handlers run there, from its event loop.
// Make the job a member (or child) of the object its handlers touch: handlers never outlive it. The work
// function runs on a worker thread and must not touch the owner — only its own captures and the JobControl.
// Result and Progress are copyable values (shared_ptr<const T> for big ones).
//
// Workers come from a pool of the jobs' own with room for dozens of runs at once, so a long run (training) never
// leaves a short one (a forecast, a corpus load) queued behind it, whatever the number of cores.
#include <QObject>
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace lstm {

struct NoProgress {}; // the Progress of jobs that report none

namespace job_detail {
// How a job's workers reach its owner thread. Co-owned by the job and its workers; closed when the job dies.
class Channel {
public:
  explicit Channel(QObject *receiver) : m_receiver(receiver) {}
  // Any thread: queues `call` to run on the receiver's thread, or drops it once close() has been called.
  void post(std::function<void()> call);
  void close(); // owner thread: nothing is posted from now on

private:
  std::mutex m_mutex;
  QObject *m_receiver; // guarded by m_mutex; null once closed
};

// Runs `task` on a thread of the jobs' pool.
void runOnWorker(std::function<void()> task);
} // namespace job_detail

// Worker tasks started and not yet returned, abandoned runs included. For tests that let abandoned workers
// drain before going on (QTRY_COMPARE(activeBackgroundWorkers(), 0)); nothing else should need it.
int activeBackgroundWorkers();

// What a work function sees of its run. Worker thread only.
template <typename Progress>
class JobControl {
public:
  bool cancelled() const { return m_cancel->load(std::memory_order_relaxed); }
  // Raised when the run is superseded, cancelled or its job destroyed; lives as long as the work function runs.
  const std::atomic<bool> &cancelFlag() const { return *m_cancel; }
  // Queues `progress` for the owner thread (dropped if the run is no longer the current one when it arrives).
  void report(Progress progress) const { m_report(std::move(progress)); }

private:
  template <typename, typename>
  friend class BackgroundJob;
  JobControl(std::shared_ptr<const std::atomic<bool>> cancel, std::function<void(Progress)> report)
      : m_cancel(std::move(cancel)), m_report(std::move(report)) {}

  std::shared_ptr<const std::atomic<bool>> m_cancel;
  std::function<void(Progress)> m_report;
};

template <typename Result, typename Progress = NoProgress>
class BackgroundJob {
public:
  using Control = JobControl<Progress>;
  using Work = std::function<Result(const Control &control)>; // worker thread
  using ResultHandler = std::function<void(Result result)>;  // owner thread
  using ProgressHandler = std::function<void(Progress progress)>; // owner thread

  BackgroundJob() : m_channel(std::make_shared<job_detail::Channel>(&m_receiver)) {}
  ~BackgroundJob() { // cancels the current run and returns at once; its worker finishes on its own
    cancel();
    m_channel->close();
  }
  BackgroundJob(const BackgroundJob &) = delete;
  BackgroundJob &operator=(const BackgroundJob &) = delete;

  // Cancels the current run, if any, and starts `work` on a worker. Its progress goes to `onProgress`, its
  // result to `onResult` (exactly once, unless the run is cancelled or superseded first). A handler may call
  // start() or cancel(), or destroy the job.
  void start(Work work, ResultHandler onResult, ProgressHandler onProgress = {}) {
    cancel();
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    m_handlers = std::make_shared<const Handlers>(Handlers{std::move(onResult), std::move(onProgress)});
    const quint64 run = ++m_run;
    // `self` is only ever dereferenced by the posted calls, which run on the owner thread and only while the
    // receiver — and so this job — exists.
    job_detail::runOnWorker([self = this, channel = m_channel, flag, run, work = std::move(work)] {
      const Control control(flag, [&channel, self, run](Progress progress) {
        channel->post([self, run, progress = std::move(progress)]() mutable {
          self->deliverProgress(run, std::move(progress));
        });
      });
      Result result = work(control);
      if (!flag->load())
        channel->post([self, run, result = std::move(result)]() mutable { self->deliverResult(run, std::move(result)); });
    });
  }

  // Abandons the current run: its flag is raised and nothing more of it is delivered. No-op when idle.
  void cancel() {
    if (m_cancel)
      m_cancel->store(true);
    m_cancel.reset();
    m_handlers.reset();
  }

  // A run was started and has neither delivered its result nor been cancelled.
  bool isRunning() const { return m_cancel != nullptr; }

private:
  struct Handlers {
    ResultHandler onResult;
    ProgressHandler onProgress;
  };

  bool isCurrent(quint64 run) const { return run == m_run && m_cancel; }

  void deliverProgress(quint64 run, Progress progress) {
    if (!isCurrent(run))
      return;
    const auto handlers = m_handlers; // the handler may restart, cancel or destroy this job
    if (handlers->onProgress)
      handlers->onProgress(std::move(progress));
  }

  void deliverResult(quint64 run, Result result) {
    if (!isCurrent(run))
      return;
    m_cancel.reset();
    const auto handlers = std::exchange(m_handlers, nullptr);
    handlers->onResult(std::move(result)); // last: it may destroy this job
  }

  QObject m_receiver; // lives on the owner thread; deleting it drops the calls still queued for it
  std::shared_ptr<job_detail::Channel> m_channel;
  std::shared_ptr<std::atomic<bool>> m_cancel; // the current run's flag, shared with its worker; null when idle
  std::shared_ptr<const Handlers> m_handlers;  // the current run's handlers
  quint64 m_run = 0;                           // the current run's number; older runs' calls are dropped
};

} // namespace lstm
