#pragma once
// Drives a stepper along its tape: the stepping policy (read mode reads the next entry; write mode lets the tape
// write one, sampled with the sampling options unless the user picks), play at a rate, and runTo in slices from
// the event loop, so a 20 000-step run never blocks it. ExplorerSession owns one and re-announces its signals.
// GUI thread only.
#include "explore/sampler.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace lstm {

class Stepper;
class Tape;

enum class DriveMode { Read, Write };

class ExplorerPlayer : public QObject {
  Q_OBJECT
public:
  explicit ExplorerPlayer(QObject *parent = nullptr);
  ~ExplorerPlayer() override;

  // What to drive; both null without a model. They must stay alive while attached. Precondition: paused.
  void attach(Stepper *stepper, Tape *tape) { m_stepper = stepper, m_tape = tape; }
  // A new model: a fresh sampler with the same options, and read mode unless the model can write.
  void startModel(bool canWrite);

  DriveMode mode() const { return m_mode; }
  void setMode(DriveMode mode); // write mode is refused, with a message, for a model that cannot write
  SamplingOptions samplingOptions() const { return m_samplingOptions; }
  void setSamplingOptions(const SamplingOptions &options); // precondition: options.validate() holds; reseeds
  bool pickMode() const { return m_pickMode; }
  void setPickMode(bool on);

  // One step in the current mode, without signals. False at the end of the tape (read), in pick mode (text,
  // write) or when the forecast is not a finite number (series, write).
  bool stepOnce();
  bool stepForward();                      // stepOnce, announced; a refusal explains itself in message()
  bool stepWithToken(std::int32_t token);  // write mode, text tape: writes and reads `token`
  int stepMany(int count);                 // up to `count` steps now, announced once; returns how many
  bool runTo(int count);                   // undoes now, or reads on in slices; false when the tape is too short

  // Playing first moves the inspected step along the steps already taken: each play step calls `replay`, which
  // returns true when it moved the cursor forward (nothing is stepped then) and false at the last step.
  void setReplay(std::function<bool()> replay) { m_replay = std::move(replay); }
  bool playing() const { return m_timer.isActive(); } // also while runTo works in slices
  void play();
  void pause();                            // also ends a runTo in progress
  double playRate() const { return m_playRate; }
  void setPlayRate(double stepsPerSecond); // clamped to 1…500

Q_SIGNALS:
  void advanced(bool wroteTape);           // steps were taken or undone (runTo); the tape changed when wroteTape
  void modeChanged(lstm::DriveMode mode);
  void playingChanged(bool playing);
  void samplingChanged();
  void message(const QString &text);

private:
  void onTick();
  bool writesSeries() const;

  Stepper *m_stepper = nullptr;
  Tape *m_tape = nullptr;
  bool m_canWrite = false;
  DriveMode m_mode = DriveMode::Read;
  SamplingOptions m_samplingOptions;
  std::unique_ptr<Sampler> m_sampler;
  bool m_pickMode = false;
  QTimer m_timer;
  double m_playRate = 20.0;
  qint64 m_playStartMs = 0;
  std::int64_t m_playStepsDone = 0;
  int m_runTarget = -1; // runTo in progress (steps)
  std::function<bool()> m_replay;
};

} // namespace lstm
