#include "explorer_player.h"

#include "explore/stepper.h"
#include "explore/tape.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

// The player's sentences use the session's translation context, where their translations have always been.

namespace lstm {

namespace {
constexpr int kPlayTickMs = 16;       // one batch of steps per frame: ≤ ~60 trace updates a second
constexpr int kRunSliceMs = 12;       // runTo works this long per event-loop turn
constexpr int kMaxStepsPerTick = 500; // a stalled event loop must not turn into a multi-second catch-up
} // namespace

ExplorerPlayer::ExplorerPlayer(QObject *parent) : QObject(parent) {
  m_timer.setTimerType(Qt::PreciseTimer);
  m_timer.setInterval(kPlayTickMs);
  connect(&m_timer, &QTimer::timeout, this, &ExplorerPlayer::onTick);
  m_samplingOptions.temperature = 0.8; // a little conservative: recognisable text from small models
  m_sampler = std::make_unique<Sampler>(m_samplingOptions);
}

ExplorerPlayer::~ExplorerPlayer() = default;

void ExplorerPlayer::startModel(bool canWrite) {
  m_canWrite = canWrite;
  m_sampler = std::make_unique<Sampler>(m_samplingOptions);
  if (!canWrite)
    m_mode = DriveMode::Read; // writing needs a distribution over tokens, or a prediction of the next value
}

bool ExplorerPlayer::writesSeries() const { return m_tape && m_tape->kind() == TapeKind::Series; }

void ExplorerPlayer::setMode(DriveMode mode) {
  if (mode == m_mode)
    return;
  if (mode == DriveMode::Write && m_stepper && !m_canWrite) {
    Q_EMIT message(QCoreApplication::translate("lstm::ExplorerSession",
                                               "This model does not predict characters, so it cannot write."));
    return;
  }
  m_mode = mode;
  Q_EMIT modeChanged(mode);
}

void ExplorerPlayer::setSamplingOptions(const SamplingOptions &options) {
  m_samplingOptions = options;
  m_sampler = std::make_unique<Sampler>(options);
  Q_EMIT samplingChanged();
}

void ExplorerPlayer::setPickMode(bool on) {
  if (on == m_pickMode)
    return;
  m_pickMode = on;
  Q_EMIT samplingChanged();
}

bool ExplorerPlayer::stepOnce() {
  if (!m_stepper)
    return false;
  const int position = m_stepper->position();
  if (m_mode == DriveMode::Read) {
    if (position >= m_tape->length())
      return false;
    m_tape->read(*m_stepper, position);
    return true;
  }
  return m_tape->write(*m_stepper, m_pickMode ? nullptr : m_sampler.get()); // pick mode: the user chooses
}

bool ExplorerPlayer::stepForward() {
  if (!m_stepper)
    return false;
  if (!stepOnce()) {
    if (m_mode == DriveMode::Read && m_stepper->position() >= m_tape->length())
      Q_EMIT message(writesSeries()
                         ? QCoreApplication::translate("lstm::ExplorerSession",
                                                       "End of the series: switch to write mode to let the model "
                                                       "continue it with its own predictions.")
                         : QCoreApplication::translate(
                               "lstm::ExplorerSession",
                               "End of the text: type more, or switch to write mode to let the model continue."));
    else if (m_mode == DriveMode::Write && m_pickMode && !writesSeries())
      Q_EMIT message(QCoreApplication::translate("lstm::ExplorerSession",
                                                 "Pick mode: choose the next character in the distribution."));
    return false;
  }
  Q_EMIT advanced(m_mode == DriveMode::Write);
  return true;
}

bool ExplorerPlayer::stepWithToken(std::int32_t token) {
  auto *text = dynamic_cast<TextTape *>(m_tape);
  if (!m_stepper || m_mode != DriveMode::Write || !text || token < 0 || token >= text->vocabulary().size())
    return false;
  text->writeAt(*m_stepper, m_stepper->position(), token);
  Q_EMIT advanced(true);
  return true;
}

int ExplorerPlayer::stepMany(int count) {
  if (!m_stepper)
    return 0;
  int taken = 0;
  while (taken < count && stepOnce())
    ++taken;
  if (taken > 0)
    Q_EMIT advanced(m_mode == DriveMode::Write);
  return taken;
}

bool ExplorerPlayer::runTo(int count) {
  if (!m_stepper || count < 0)
    return false;
  while (m_stepper->position() > count)
    m_stepper->back();
  if (m_stepper->position() == count) {
    Q_EMIT advanced(false);
    return true;
  }
  if (m_mode == DriveMode::Read && count > m_tape->length())
    return false;
  if (playing() && m_runTarget < 0)
    pause(); // the run replaces playing, and says so: the play button must not stay on "Pause"
  m_runTarget = count;
  const bool wasPlaying = playing();
  onTick(); // runs the first slice now; the rest continues from the event loop
  if (m_runTarget >= 0 && !wasPlaying)
    m_timer.start();
  return true;
}

void ExplorerPlayer::play() {
  if (!m_stepper || playing())
    return;
  m_playStartMs = QDateTime::currentMSecsSinceEpoch();
  m_playStepsDone = 0;
  m_timer.start();
  Q_EMIT playingChanged(true);
}

void ExplorerPlayer::pause() {
  const bool wasPlaying = playing() && m_runTarget < 0;
  m_timer.stop();
  m_runTarget = -1;
  if (wasPlaying)
    Q_EMIT playingChanged(false);
}

void ExplorerPlayer::setPlayRate(double stepsPerSecond) {
  m_playRate = std::clamp(stepsPerSecond, 1.0, 500.0);
  m_playStartMs = QDateTime::currentMSecsSinceEpoch();
  m_playStepsDone = 0;
}

void ExplorerPlayer::onTick() {
  if (!m_stepper) {
    m_timer.stop();
    return;
  }
  const int before = m_stepper->position();
  bool stopped = false;
  if (m_runTarget >= 0) {
    // Running to a step: as many steps as fit in one slice, then back to the event loop.
    QElapsedTimer clock;
    clock.start();
    while (m_stepper->position() < m_runTarget && clock.elapsed() < kRunSliceMs)
      if (!stepOnce()) {
        m_runTarget = m_stepper->position();
        break;
      }
    if (m_stepper->position() >= m_runTarget) {
      m_runTarget = -1;
      m_timer.stop();
    }
  } else {
    // Playing: catch up with the wall clock, so the rate holds whatever a tick costs.
    const double elapsed = double(QDateTime::currentMSecsSinceEpoch() - m_playStartMs) / 1000.0;
    const std::int64_t due = std::int64_t(elapsed * m_playRate) + 1 - m_playStepsDone;
    const std::int64_t count = std::clamp<std::int64_t>(due, 0, kMaxStepsPerTick);
    for (std::int64_t k = 0; k < count; ++k) {
      if (m_replay && m_replay()) {
        ++m_playStepsDone;
        continue;
      }
      if (!stepOnce()) {
        stopped = true;
        break;
      }
      ++m_playStepsDone;
    }
    if (due > kMaxStepsPerTick)
      m_playStepsDone += due - kMaxStepsPerTick; // drop what could not be done rather than bursting later
  }
  if (m_stepper->position() != before)
    Q_EMIT advanced(m_mode == DriveMode::Write);
  if (!stopped)
    return;
  pause();
  const bool series = writesSeries();
  if (m_mode == DriveMode::Read)
    Q_EMIT message(series ? QCoreApplication::translate("lstm::ExplorerSession", "End of the series.")
                          : QCoreApplication::translate("lstm::ExplorerSession", "End of the text."));
  else
    Q_EMIT message(series ? QCoreApplication::translate("lstm::ExplorerSession",
                                                        "Paused: the forecast is no longer a finite number.")
                          : QCoreApplication::translate("lstm::ExplorerSession", "Paused: pick the next character."));
}

} // namespace lstm
