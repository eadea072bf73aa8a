#include "background_job.h"

#include <QMetaObject>
#include <QRunnable>
#include <QThreadPool>

namespace lstm {

namespace {
// Far more threads than cores on purpose: a run waits for a core, never for a thread, so a training run (or an
// abandoned one still finishing its iteration) cannot hold back a forecast. Idle threads expire after 30 s.
constexpr int kMaxWorkers = 64;

std::atomic<int> g_activeWorkers{0};

// Destroyed at exit after every owner: it waits there for abandoned workers to return (each polls its flag).
QThreadPool &workerPool() {
  struct WorkerPool : QThreadPool {
    WorkerPool() { setMaxThreadCount(kMaxWorkers); }
  };
  static WorkerPool pool;
  return pool;
}
} // namespace

namespace job_detail {

void Channel::post(std::function<void()> call) {
  // Posting under the lock: close() cannot slip between the check and the post, and once the receiver is
  // deleted (after close) Qt discards what was posted to it.
  std::lock_guard lock(m_mutex);
  if (m_receiver)
    QMetaObject::invokeMethod(m_receiver, std::move(call), Qt::QueuedConnection);
}

void Channel::close() {
  std::lock_guard lock(m_mutex);
  m_receiver = nullptr;
}

void runOnWorker(std::function<void()> task) {
  g_activeWorkers.fetch_add(1);
  workerPool().start(QRunnable::create([task = std::move(task)]() mutable {
    std::exchange(task, nullptr)(); // its captures are released before the worker counts as done
    g_activeWorkers.fetch_sub(1);
  }));
}

} // namespace job_detail

int activeBackgroundWorkers() { return g_activeWorkers.load(); }

} // namespace lstm
