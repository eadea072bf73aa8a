#include "worker_pool.h"

#include <algorithm>

namespace lstm {

WorkerPool::WorkerPool(int size) : m_size(std::max(1, size)) {
  for (int w = 1; w < m_size; ++w)
    m_threads.emplace_back([this, w] { helperLoop(w); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_wake.notify_all();
  for (auto &thread : m_threads)
    thread.join();
}

void WorkerPool::runErased(ErasedTask task, void *context) {
  if (m_size == 1) {
    task(context, 0);
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_task = task;
    m_context = context;
    m_pending = m_size - 1;
    m_error = nullptr;
    ++m_generation;
  }
  m_wake.notify_all();
  std::exception_ptr ownError;
  try {
    task(context, 0);
  } catch (...) {
    ownError = std::current_exception();
  }
  std::unique_lock lock(m_mutex);
  m_done.wait(lock, [this] { return m_pending == 0; });
  m_task = nullptr;
  m_context = nullptr;
  if (ownError)
    std::rethrow_exception(ownError);
  if (m_error)
    std::rethrow_exception(m_error);
}

void WorkerPool::helperLoop(int worker) {
  unsigned long seen = 0;
  for (;;) {
    ErasedTask task = nullptr;
    void *context = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [&] { return m_stopping || m_generation != seen; });
      if (m_stopping)
        return;
      seen = m_generation;
      task = m_task;
      context = m_context;
    }
    std::exception_ptr error;
    try {
      task(context, worker);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(m_mutex);
      if (error && !m_error)
        m_error = error;
      if (--m_pending == 0)
        m_done.notify_one();
    }
  }
}

} // namespace lstm
