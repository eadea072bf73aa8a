#include "training_run_files.h"

#include "common/dialogs.h"
#include "common/problem_text.h"
#include "data/corpus.h"
#include "io/model_file.h"
#include "training/training_controller.h"
#include "training/training_recovery.h"

#include <QFileInfo>
#include <QWidget>

namespace lstm {

namespace {
QString checkpointFilter() { return TrainingRunFiles::tr("LSTM checkpoints (*.ckpt);;All files (*)"); }
} // namespace

TrainingRunFiles::TrainingRunFiles(TrainingController *controller, TrainingRecovery *recovery, QWidget *dialogParent)
    : QObject(dialogParent), m_controller(controller), m_recovery(recovery), m_dialogParent(dialogParent) {
  // A new run has nothing saved yet; a resumed checkpoint holds everything up to its iteration.
  connect(m_controller, &TrainingController::started, this,
          [this] { m_savedIteration = m_controller->iteration(); });
}

void TrainingRunFiles::runStarted(const Corpus &corpus) {
  m_baseName = QFileInfo(corpus.name).completeBaseName();
  if (corpus.isSeries() && !corpus.generated) // one file, many columns: name the column too
    m_baseName += QLatin1Char('-') + corpus.column;
}

bool TrainingRunFiles::hasUnsavedTraining() const {
  return m_controller->hasTrainer() && m_controller->iteration() > m_savedIteration;
}

void TrainingRunFiles::save(bool checkpoint) {
  const QString path = checkpoint ? dialogs::saveFile(m_dialogParent, tr("Save checkpoint"),
                                                      m_baseName + QStringLiteral(".ckpt"), checkpointFilter())
                                   : dialogs::saveFile(m_dialogParent, tr("Save model"),
                                                       m_baseName + QStringLiteral(".lstm"),
                                                       tr("LSTM models (*.lstm);;All files (*)"));
  if (path.isEmpty())
    return;
  QString error;
  const bool saved = checkpoint ? m_controller->saveCheckpoint(path, &error) : m_controller->saveModel(path, &error);
  if (!saved) {
    dialogs::error(m_dialogParent, checkpoint ? tr("Cannot save checkpoint") : tr("Cannot save model"), error);
    return;
  }
  m_savedIteration = m_controller->iteration();
  Q_EMIT this->saved((checkpoint ? tr("Saved a checkpoint at iteration %1 to %2.")
                                 : tr("Saved the model at iteration %1 to %2."))
                         .arg(m_savedIteration)
                         .arg(path));
}

void TrainingRunFiles::saveBest(const Model &model, qint64 iteration) {
  const QString path = dialogs::saveFile(m_dialogParent, tr("Save the best weights"),
                                         m_baseName + QStringLiteral("-best.lstm"),
                                         tr("LSTM models (*.lstm);;All files (*)"));
  if (path.isEmpty())
    return;
  Problem problem;
  if (!saveModel(model, path, &problem)) {
    dialogs::error(m_dialogParent, tr("Cannot save model"), problemText(problem));
    return;
  }
  Q_EMIT bestSaved(tr("Saved the best weights (iteration %1) to %2.").arg(iteration).arg(path));
}

QString TrainingRunFiles::chooseCheckpoint() {
  return dialogs::openFile(m_dialogParent, tr("Resume checkpoint"), checkpointFilter());
}

bool TrainingRunFiles::offerToSave(const QString &question) {
  if (!hasUnsavedTraining())
    return true;
  // The run goes on while the question is open: the count it names follows it.
  const auto choice = dialogs::askToSave(m_dialogParent, tr("Unsaved training"), [this, question] {
    return question.arg(m_controller->iteration() - m_savedIteration);
  });
  if (choice == dialogs::SaveChoice::Cancel)
    return false;
  // Pausing would wait for a whole iteration; stopping keeps the last complete one, which saves exactly.
  m_controller->stopAndWait();
  if (choice == dialogs::SaveChoice::Save)
    save(true);
  return choice == dialogs::SaveChoice::Discard || !hasUnsavedTraining(); // a cancelled or failed save keeps all
}

bool TrainingRunFiles::confirmDiscard() {
  return offerToSave(tr("The model has trained for %1 iterations since it was last saved, and a new run replaces "
                        "it. Save a checkpoint first?"));
}

bool TrainingRunFiles::confirmClose() {
  if (!offerToSave(tr("The model has trained for %1 iterations since it was last saved. Save a checkpoint before "
                      "closing? It can be resumed later.")))
    return false;
  // This session's run is saved or given up: its recovery files are not needed. A recovery offered at start and
  // left alone (no trainer) stays for the next start.
  if (m_controller->hasTrainer())
    m_recovery->discard();
  return true;
}

} // namespace lstm
