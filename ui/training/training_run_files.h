#pragma once
// A run's files and the questions about unsaved work: saving the model or a checkpoint (named after the run's
// corpus), choosing a checkpoint to resume, and — before a new run replaces the weights or the window closes —
// offering to save the iterations trained since the last save. GUI thread only.
#include <QObject>
#include <QString>

class QWidget;

namespace lstm {

class TrainingController;
class TrainingRecovery;
struct Corpus;
struct Model;

class TrainingRunFiles : public QObject {
  Q_OBJECT
public:
  // Dialogs and questions belong to `dialogParent`, which also owns this object.
  TrainingRunFiles(TrainingController *controller, TrainingRecovery *recovery, QWidget *dialogParent);

  // A run on `corpus` was accepted: the files it saves are named after that corpus.
  void runStarted(const Corpus &corpus);
  // Asks for a path and saves the model (or a checkpoint); errors are shown (dialogs::error). saved() follows a
  // save.
  void save(bool checkpoint);
  // Asks for a path and saves `model`, the run's best weights from `iteration` (not a checkpoint: the run's own
  // weights stay unsaved). Errors are shown; bestSaved() follows a save.
  void saveBest(const Model &model, qint64 iteration);
  // Asks which checkpoint to resume; empty when the user cancelled.
  QString chooseCheckpoint();
  // Training happened since the last save of the model or a checkpoint (or the resume of one).
  bool hasUnsavedTraining() const;
  // Before a new run replaces unsaved training: ask to save it. True when the new run may go ahead.
  bool confirmDiscard();
  // The quit question: true when the window may close — nothing unsaved, or the user saved a checkpoint or chose
  // to discard the run (which is then stopped). False when they cancelled or saving failed.
  bool confirmClose();

Q_SIGNALS:
  void saved(const QString &message); // "Saved the model at iteration N to <path>."
  void bestSaved(const QString &message); // "Saved the best weights (iteration N) to <path>."

private:
  // Asks `question` (%1: unsaved iterations) when training is unsaved; Save stops the run and saves a checkpoint,
  // Discard stops it. True when the caller may go ahead: nothing was unsaved, it was saved, or the user discarded.
  bool offerToSave(const QString &question);

  TrainingController *m_controller;
  TrainingRecovery *m_recovery;
  QWidget *m_dialogParent;
  QString m_baseName = QStringLiteral("training"); // suggested file name without extension
  qint64 m_savedIteration = 0; // the iteration last saved to a file by the user (or resumed from one)
};

} // namespace lstm
