#pragma once
// How late the GUI thread's event loop runs, for benchmarks: the lateness of a 5 ms precise timer and the round
// trip of a posted event every 100 ms, with order statistics. Figures only — nothing here asserts a time.
#include <QElapsedTimer>
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace lstm::bench {

constexpr int kTickMs = 5;        // the probe timer's period
constexpr int kPostEveryMs = 100; // one posted-event round trip per this many ms

// q in [0, 1]; NaN for no samples.
inline double quantile(std::vector<double> values, double q) {
  if (values.empty())
    return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const auto index = std::size_t(std::max(0.0, std::ceil(q * double(values.size())) - 1.0));
  return values[std::min(index, values.size() - 1)];
}

// The middle value; the mean of the middle two for an even count (two repeats must not just report the slower).
inline double median(std::vector<double> values) {
  if (values.empty())
    return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const std::size_t half = values.size() / 2;
  return values.size() % 2 ? values[half] : (values[half - 1] + values[half]) / 2.0;
}


struct LatencyStats {
  std::vector<double> lateMs;      // timer lateness per timeout
  std::vector<double> roundTripMs; // posted-event post → run
  qint64 worstTag = -1;            // the training iteration last reported when the worst timeout fired
  QString text() const {
    return QStringLiteral("%1 / %2 / %3 (%4) @it %8    %5 / %6 (%7)")
        .arg(median(lateMs), 6, 'f', 2)
        .arg(quantile(lateMs, 0.99), 6, 'f', 2)
        .arg(quantile(lateMs, 1.0), 6, 'f', 1)
        .arg(lateMs.size(), 5)
        .arg(median(roundTripMs), 6, 'f', 2)
        .arg(quantile(roundTripMs, 1.0), 6, 'f', 1)
        .arg(roundTripMs.size(), 4)
        .arg(worstTag, -4);
  }
};

// Measures the GUI thread's event loop while it runs: a single-shot precise timer re-armed on every timeout (so a
// late timeout never hides the next one), and every 100 ms a queued lambda timed from post to run.
class LatencyProbe {
public:
  LatencyProbe() {
    m_tick.setSingleShot(true);
    m_tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [this] {
      const double late = double(m_clock.nsecsElapsed() - m_dueNs) / 1e6;
      if (late > m_worstMs) {
        m_worstMs = late;
        m_stats.worstTag = m_tag;
      }
      m_stats.lateMs.push_back(late);
      armTick();
    });
    m_post.setTimerType(Qt::PreciseTimer);
    m_post.setInterval(kPostEveryMs);
    QObject::connect(&m_post, &QTimer::timeout, &m_post, [this] {
      const qint64 postedNs = m_clock.nsecsElapsed();
      const int generation = m_generation;
      QMetaObject::invokeMethod(&m_post, [this, postedNs, generation] {
        if (generation == m_generation) // posted before a pause: its wait includes the pause, not the loop's
          m_stats.roundTripMs.push_back(double(m_clock.nsecsElapsed() - postedNs) / 1e6);
      }, Qt::QueuedConnection);
    });
    m_clock.start();
  }
  void start() {
    armTick();
    m_post.start();
  }
  // Stops sampling (a screenshot is taken); samples in flight are dropped.
  void stop() {
    ++m_generation;
    m_tick.stop();
    m_post.stop();
  }
  const LatencyStats &stats() const { return m_stats; }
  void setTag(qint64 tag) { m_tag = tag; } // says where the worst timeout happened

private:
  void armTick() {
    m_dueNs = m_clock.nsecsElapsed() + qint64(kTickMs) * 1000000;
    m_tick.start(kTickMs);
  }

  QElapsedTimer m_clock;
  QTimer m_tick, m_post;
  qint64 m_dueNs = 0;
  int m_generation = 0;
  qint64 m_tag = 0;
  double m_worstMs = -std::numeric_limits<double>::infinity();
  LatencyStats m_stats;
};

} // namespace lstm::bench
