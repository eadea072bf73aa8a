#pragma once
// A fixed set of threads that run one task per worker and wait for all of them: the engine's only threading.
// The calling thread is worker 0, so a pool of size 1 starts no thread at all.
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace lstm {

class WorkerPool {
public:
  explicit WorkerPool(int size);
  ~WorkerPool();
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  int size() const { return m_size; }
  // Runs task(w) for every w in [0, size()), task(0) on the calling thread; returns when all have finished and
  // rethrows the first exception a task threw. Not reentrant: call from one thread at a time.
  // Takes any callable by reference and never allocates (no std::function).
  template <typename Task>
  void run(Task &&task) {
    runErased([](void *context, int worker) { (*static_cast<std::remove_reference_t<Task> *>(context))(worker); },
              const_cast<void *>(static_cast<const void *>(&task)));
  }

private:
  using ErasedTask = void (*)(void *context, int worker);
  void runErased(ErasedTask task, void *context);
  void helperLoop(int worker);

  int m_size;
  std::vector<std::thread> m_threads;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_done;
  ErasedTask m_task = nullptr;
  void *m_context = nullptr;
  unsigned long m_generation = 0;
  int m_pending = 0;
  bool m_stopping = false;
  std::exception_ptr m_error;
};

} // namespace lstm
