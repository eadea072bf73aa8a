// TrainingPanel: saving the model and checkpoints, resuming, the recovery offer and the quit question.
#include "training_panel.h"

#include "common/dialogs.h"
#include "training/loss_plot_view.h"
#include "training/sample_log.h"
#include "training/training_recovery.h"
#include "training/training_settings_form.h"
#include "training/training_timeline_bar.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace lstm {

namespace {
constexpr int kProbeChars = 240;
QString checkpointFilter() { return TrainingPanel::tr("LSTM checkpoints (*.ckpt);;All files (*)"); }
} // namespace

bool TrainingPanel::hasUnsavedTraining() const {
  return m_controller->hasTrainer() && m_controller->iteration() > m_savedIteration;
}

QString TrainingPanel::probeText() const {
  if (!m_corpus || m_corpus->isSeries())
    return {};
  // From the first line start of the validation text, so the probe begins where a reader would.
  std::int64_t begin = m_corpus->trainSize < m_corpus->size() ? m_corpus->trainSize : 0;
  const std::u32string head = m_corpus->text(begin, kProbeChars);
  const std::size_t newline = head.find(U'\n');
  if (newline != std::u32string::npos && newline + 1 < head.size() / 2)
    begin += std::int64_t(newline + 1);
  const std::u32string text = m_corpus->text(begin, kProbeChars);
  return QString::fromUcs4(text.data(), qsizetype(text.size()));
}

void TrainingPanel::onSaveClicked() { saveRun(false); }
void TrainingPanel::onSaveCheckpointClicked() { saveRun(true); }

void TrainingPanel::saveRun(bool checkpoint) {
  QString base = m_corpus ? QFileInfo(m_corpus->name).completeBaseName() : QStringLiteral("training");
  if (m_corpus && m_corpus->isSeries() && !m_corpus->generated) // one file, many columns: name the column too
    base += QLatin1Char('-') + m_corpus->column;
  const QString path =
      checkpoint ? dialogs::saveFile(this, tr("Save checkpoint"), base + QStringLiteral(".ckpt"), checkpointFilter())
                 : dialogs::saveFile(this, tr("Save model"), base + QStringLiteral(".lstm"),
                                     tr("LSTM models (*.lstm);;All files (*)"));
  if (path.isEmpty())
    return;
  QString error;
  const bool saved = checkpoint ? m_controller->saveCheckpoint(path, &error) : m_controller->saveModel(path, &error);
  if (!saved) {
    dialogs::error(this, checkpoint ? tr("Cannot save checkpoint") : tr("Cannot save model"), error);
    return;
  }
  m_savedIteration = m_controller->iteration();
  m_status->setText((checkpoint ? tr("Saved a checkpoint at iteration %1 to %2.")
                                : tr("Saved the model at iteration %1 to %2."))
                        .arg(m_savedIteration)
                        .arg(path));
}

void TrainingPanel::onResumeCheckpointClicked() {
  const QString path = dialogs::openFile(this, tr("Resume checkpoint"), checkpointFilter());
  if (!path.isEmpty())
    resumeCheckpointFile(path);
}

bool TrainingPanel::resumeCheckpointFile(const QString &path) {
  if (!m_corpus) {
    dialogs::error(this, tr("Cannot resume training"), path + QStringLiteral(": ") + tr("load its corpus first"));
    return false;
  }
  if (!confirmDiscard())
    return false;
  m_controller->setSnapshotEvery(m_timelineBar->snapshotEvery());
  QString error;
  if (!m_controller->resumeCheckpoint(m_corpus, path, &error, m_settings->config().iterations)) {
    dialogs::error(this, tr("Cannot resume training"), error);
    return false;
  }
  m_resuming = QFileInfo(path).fileName();
  resetLossPlot();
  m_sampleLog->clearSamples();
  m_sampleLog->setTextSamples(!m_corpus->isSeries());
  m_timelineBar->clear();
  runStarted();
  m_status->setText(tr("Resuming %1…").arg(m_resuming));
  return true;
}

void TrainingPanel::onStarted() {
  if (m_resuming.isEmpty()) {
    m_savedIteration = 0;
    return;
  }
  // The run continues with the checkpoint's settings: show them, and the curves it brought along.
  TrainerConfig shown = m_controller->config();
  shown.iterations = std::max(shown.iterations, m_settings->config().iterations);
  m_settings->setConfig(shown);
  for (const HistoryPoint &point : m_controller->resumedHistory()) {
    TrainingProgress p;
    p.iteration = point.iteration;
    p.epoch = point.epoch;
    p.smoothedLoss = point.trainLoss;
    p.validationLoss = point.validationLoss;
    p.evaluated = true;
    m_lossPlot->addProgress(p);
  }
  m_savedIteration = m_controller->iteration(); // the checkpoint holds everything up to here
  m_status->setText(tr("Resumed %1 at iteration %2.").arg(m_resuming).arg(m_savedIteration));
  m_resuming.clear();
}

void TrainingPanel::onStartFailed(const QString &error) {
  m_resuming.clear();
  m_recovery->runEnded();
  m_settingsToggle->setChecked(true);
  m_progressBar->setFormat(tr("Not started"));
  m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_status->setText(error);
  updateButtons();
  dialogs::error(this, tr("Cannot resume training"), error);
}

bool TrainingPanel::offerToSave(const QString &question) {
  if (!hasUnsavedTraining())
    return true;
  const auto choice =
      dialogs::askToSave(this, tr("Unsaved training"), question.arg(m_controller->iteration() - m_savedIteration));
  if (choice == dialogs::SaveChoice::Cancel)
    return false;
  // Pausing would wait for a whole iteration; stopping keeps the last complete one, which saves exactly.
  m_controller->stopAndWait();
  if (choice == dialogs::SaveChoice::Save)
    saveRun(true);
  return choice == dialogs::SaveChoice::Discard || !hasUnsavedTraining(); // a cancelled or failed save keeps all
}

bool TrainingPanel::confirmDiscard() {
  return offerToSave(tr("The model has trained for %1 iterations since it was last saved, and a new run replaces "
                        "it. Save a checkpoint first?"));
}

void TrainingPanel::showRecoveryOffer() {
  const auto pending = m_recovery->pending();
  if (!pending)
    return;
  m_recoveryLabel->setText(tr("A training run on %1 was not saved when the program last ended. Its recovery "
                              "checkpoint from %2 is at iteration %3.")
                               .arg(CorpusSource::fromString(pending->corpusPath).describe(),
                                    QLocale().toString(pending->written, QLocale::ShortFormat))
                               .arg(pending->iteration));
  m_recoveryBanner->show();
}

bool TrainingPanel::confirmClose() {
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
