// ExplorerSession, driving part: stepping in read and write mode, exact undo, runTo in slices, play at a rate.
#include "explorer_session.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr int kRunSliceMs = 12;       // runTo works this long per event-loop turn
constexpr int kMaxStepsPerTick = 500; // a stalled event loop must not turn into a multi-second catch-up
} // namespace

// ---- driving

void ExplorerSession::setMode(DriveMode mode) {
  if (mode == m_mode)
    return;
  if (mode == DriveMode::Write && hasModel() && !canWrite()) {
    Q_EMIT message(tr("This model does not predict characters, so it cannot write."));
    return;
  }
  m_mode = mode;
  Q_EMIT modeChanged(mode);
}

bool ExplorerSession::canWrite() const {
  return hasModel() && ((model().config.usesTokens() && model().config.head == HeadKind::Softmax) || m_seriesTape);
}

bool ExplorerSession::readToken(std::int32_t token) {
  m_stepper->step(token);
  return true;
}

bool ExplorerSession::readValue(double value) {
  const float scaled = float(m_scaling.apply(value));
  m_stepper->step(std::span<const float>(&scaled, 1));
  return true;
}

bool ExplorerSession::stepSeriesOnce(int position) {
  if (m_mode == DriveMode::Read) {
    if (position >= tapeLength())
      return false;
    return readValue(m_values[std::size_t(position)]);
  }
  // Write mode: the prediction of the last step becomes the next input, so re-reading the tape later (undo,
  // interventions, other weights) feeds exactly the same numbers. The first step has nothing predicted yet and
  // starts from the tape's first value, or the series mean. Pick mode has nothing to pick here.
  double value = m_scaling.mean;
  if (position > 0)
    value = m_scaling.invert(double(m_stepper->current().output[0]));
  else if (!m_values.empty())
    value = m_values.front();
  if (!std::isfinite(value))
    return false;
  m_values.resize(std::size_t(position));
  m_values.push_back(value);
  return readValue(value);
}

bool ExplorerSession::stepOnce() {
  if (hasModel() && m_seriesTape)
    return stepSeriesOnce(m_stepper->position());
  if (!hasModel() || !model().config.usesTokens())
    return false;
  const int position = m_stepper->position();
  if (m_mode == DriveMode::Read) {
    if (position >= tapeLength())
      return false;
    return readToken(m_tape[std::size_t(position)]);
  }
  if (m_pickMode)
    return false;
  std::int32_t token;
  if (position == 0) {
    // Nothing predicted yet: start from the tape's first character, or a newline (the usual start of a text).
    if (!m_tape.empty())
      token = m_tape.front();
    else {
      const int newline = model().vocabulary.idOf(U'\n');
      token = newline >= 0 ? newline : 0;
    }
  } else {
    token = m_sampler->pick(m_stepper->current().output);
  }
  m_tape.resize(std::size_t(position));
  m_tape.push_back(token);
  return readToken(token);
}

void ExplorerSession::afterSteps() {
  m_cursor = m_stepper->position() - 1;
  Q_EMIT traceChanged();
  Q_EMIT cursorChanged(m_cursor);
}

bool ExplorerSession::stepForward() {
  if (!hasModel())
    return false;
  const bool wrote = m_mode == DriveMode::Write;
  if (!stepOnce()) {
    if (m_mode == DriveMode::Read && m_stepper->position() >= tapeLength())
      Q_EMIT message(m_seriesTape ? tr("End of the series: switch to write mode to let the model continue it with "
                                       "its own predictions.")
                                  : tr("End of the text: type more, or switch to write mode to let the model continue."));
    else if (m_mode == DriveMode::Write && m_pickMode && !m_seriesTape)
      Q_EMIT message(tr("Pick mode: choose the next character in the distribution."));
    return false;
  }
  if (wrote)
    Q_EMIT tapeChanged();
  afterSteps();
  return true;
}

bool ExplorerSession::stepWithToken(std::int32_t token) {
  if (!hasModel() || m_mode != DriveMode::Write || !model().config.usesTokens() || token < 0 ||
      token >= model().vocabulary.size())
    return false;
  m_tape.resize(std::size_t(m_stepper->position()));
  m_tape.push_back(token);
  readToken(token);
  Q_EMIT tapeChanged();
  afterSteps();
  return true;
}

bool ExplorerSession::stepBack() {
  if (!hasModel() || !m_stepper->back())
    return false;
  afterSteps();
  return true;
}

void ExplorerSession::reset() {
  if (!hasModel())
    return;
  pause();
  m_runTarget = -1;
  m_stepper->reset();
  afterSteps();
}

bool ExplorerSession::runTo(int count) {
  if (!hasModel() || count < 0)
    return false;
  while (m_stepper->position() > count)
    m_stepper->back();
  if (m_stepper->position() == count) {
    afterSteps();
    return true;
  }
  if (m_mode == DriveMode::Read && count > tapeLength())
    return false;
  m_runTarget = count;
  const bool wasPlaying = playing();
  onPlayTick(); // runs the first slice now; the rest continues from the event loop
  if (m_runTarget >= 0 && !wasPlaying)
    m_playTimer.start();
  return true;
}

int ExplorerSession::stepMany(int count) {
  if (!hasModel())
    return 0;
  const bool wrote = m_mode == DriveMode::Write;
  int taken = 0;
  while (taken < count && stepOnce())
    ++taken;
  if (taken > 0) {
    if (wrote)
      Q_EMIT tapeChanged();
    afterSteps();
  }
  return taken;
}

void ExplorerSession::play() {
  if (!hasModel() || playing())
    return;
  m_playStartMs = QDateTime::currentMSecsSinceEpoch();
  m_playStepsDone = 0;
  m_playTimer.start();
  Q_EMIT playingChanged(true);
}

void ExplorerSession::pause() {
  const bool wasPlaying = playing() && m_runTarget < 0;
  m_playTimer.stop();
  m_runTarget = -1;
  if (wasPlaying)
    Q_EMIT playingChanged(false);
}

void ExplorerSession::setPlayRate(double stepsPerSecond) {
  m_playRate = std::clamp(stepsPerSecond, 1.0, 500.0);
  m_playStartMs = QDateTime::currentMSecsSinceEpoch();
  m_playStepsDone = 0;
}

void ExplorerSession::onPlayTick() {
  if (!hasModel()) {
    m_playTimer.stop();
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
      m_playTimer.stop();
    }
  } else {
    // Playing: catch up with the wall clock, so the rate holds whatever a tick costs.
    const double elapsed = double(QDateTime::currentMSecsSinceEpoch() - m_playStartMs) / 1000.0;
    const std::int64_t due = std::int64_t(elapsed * m_playRate) + 1 - m_playStepsDone;
    const std::int64_t count = std::clamp<std::int64_t>(due, 0, kMaxStepsPerTick);
    for (std::int64_t k = 0; k < count; ++k) {
      if (!stepOnce()) {
        stopped = true;
        break;
      }
      ++m_playStepsDone;
    }
    if (due > kMaxStepsPerTick)
      m_playStepsDone += due - kMaxStepsPerTick; // drop what could not be done rather than bursting later
  }
  if (m_stepper->position() != before) {
    if (m_mode == DriveMode::Write)
      Q_EMIT tapeChanged();
    afterSteps();
  }
  if (stopped) {
    pause();
    Q_EMIT message(m_mode == DriveMode::Read ? (m_seriesTape ? tr("End of the series.") : tr("End of the text."))
                   : m_seriesTape          ? tr("Paused: the forecast is no longer a finite number.")
                                           : tr("Paused: pick the next character."));
  }
}

void ExplorerSession::setSamplingOptions(const SamplingOptions &options) {
  m_samplingOptions = options;
  m_sampler = std::make_unique<Sampler>(options);
  Q_EMIT samplingChanged();
}

void ExplorerSession::setPickMode(bool on) {
  if (on == m_pickMode)
    return;
  m_pickMode = on;
  Q_EMIT samplingChanged();
}

} // namespace lstm
