#pragma once
// Collapses a burst of "something changed" notifications into one refresh, at most once per interval.
// The default 12 ms is shorter than the session's 16 ms play tick on purpose: the refresh a tick requests runs
// before the next tick, so playing redraws once per tick (≈ 60 a second) instead of every other tick (≈ 30). Views call request() from every signal handler and do their
// expensive rebuild in the callback. Counts the refreshes it ran, for the frame-rate benchmark.
#include <QObject>
#include <QTimer>

#include <functional>

namespace lstm {

class RefreshCoalescer : public QObject {
  Q_OBJECT
public:
  RefreshCoalescer(QObject *parent, std::function<void()> refresh, int intervalMs = 12)
      : QObject(parent), m_refresh(std::move(refresh)) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { runNow(); });
  }
  void request() {
    if (!m_timer.isActive())
      m_timer.start();
  }
  // Refreshes immediately and cancels a pending request (tests, exports, first show).
  void runNow() {
    m_timer.stop();
    ++m_count;
    m_refresh();
  }
  bool pending() const { return m_timer.isActive(); }
  long long refreshCount() const { return m_count; }

private:
  std::function<void()> m_refresh;
  QTimer m_timer;
  long long m_count = 0;
};

} // namespace lstm
