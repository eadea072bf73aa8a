#pragma once
// How `train` tells the user what is happening: a live one-line progress bar on a terminal, plain lines at each
// evaluation when stderr is a file, or one JSON object per line on stdout (--json-progress).
#include "train/trainer.h"

#include <QString>

#include <chrono>

namespace lstm::cli {

class TrainReport {
public:
  enum Style { Terminal, Log, Json };
  TrainReport(Trainer &trainer, Style style) : m_trainer(trainer), m_style(style) {}

  void started();                                      // what will be trained on what, and the baselines
  void progress(const TrainingProgress &progress);     // after every iteration
  void warning(const QString &message);                // e.g. a checkpoint that could not be written
  void finished(TrainingOutcome outcome, const QString &model, const QString &checkpoint);

private:
  void clearBar();

  Trainer &m_trainer;
  Style m_style;
  bool m_barShown = false;
  std::chrono::steady_clock::time_point m_lastDraw{};
};

} // namespace lstm::cli
