#pragma once
// How a training run is going: a progress bar over its iterations and a status line with speed, time left and
// the losses, ending with what the run came to (in red when it diverged or could not start). Other news of the
// run — a save, a resume — replaces the status line through showMessage. GUI thread only.
#include "train/trainer.h"

#include <QWidget>

class QProgressBar;

namespace lstm {

class SteadyLabel;
class TrainingController;

class TrainingProgressView : public QWidget {
  Q_OBJECT
public:
  explicit TrainingProgressView(TrainingController *controller, QWidget *parent = nullptr);

  // A run on `corpus` was accepted: the bar restarts, the status names the corpus, and progress reads as a series
  // forecaster's (MSE, values/s) or a character model's (nats and bits per character, chars/s).
  void runStarted(const Corpus &corpus);
  // Replaces the status line (in the normal colour unless a run's failure made it red).
  void showMessage(const QString &text);

protected:
  void changeEvent(QEvent *event) override;

private:
  void onProgress(const TrainingProgress &p);
  void onFinished(TrainingOutcome outcome, const QString &message);
  void onStartFailed(const QString &error);
  QString progressText(const TrainingProgress &p) const;
  void reserveStatusRoom(); // from the run's start on, the status keeps the height of its longest progress text

  TrainingController *m_controller;
  bool m_series = false; // the run's corpus is a series
  QProgressBar *m_progressBar = nullptr;
  SteadyLabel *m_status = nullptr;
};

} // namespace lstm
