#include "training_progress_view.h"

#include "common/steady_label.h"
#include "training/training_controller.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lstm {

namespace {
constexpr int kProgressSteps = 1000; // the bar counts permille so 64-bit iteration counts never overflow it

QString minutesSeconds(double seconds) {
  const qint64 total = std::isfinite(seconds) && seconds > 0 ? qint64(std::llround(seconds)) : 0;
  return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TrainingProgressView::TrainingProgressView(TrainingController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller) {
  m_progressBar = new QProgressBar(this);
  m_progressBar->setObjectName(QStringLiteral("trainingProgressBar"));
  m_progressBar->setRange(0, kProgressSteps);
  m_progressBar->setValue(0);
  m_progressBar->setFormat(tr("Not started"));
  m_status = new SteadyLabel(this); // progress rewrites it ten times a second: what is below must not move
  m_status->setObjectName(QStringLiteral("trainingStatusLabel"));
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_progressBar);
  layout->addWidget(m_status);

  connect(m_controller, &TrainingController::progress, this, &TrainingProgressView::onProgress);
  connect(m_controller, &TrainingController::finished, this, &TrainingProgressView::onFinished);
  connect(m_controller, &TrainingController::startFailed, this, &TrainingProgressView::onStartFailed);
}

// The progress bar and the status line keep their text until the next progress report rewrites it.
void TrainingProgressView::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange && m_controller->state() == TrainingController::State::Idle &&
      !m_controller->hasTrainer())
    m_progressBar->setFormat(tr("Not started"));
  if (event->type() == QEvent::LanguageChange && m_controller->hasTrainer())
    reserveStatusRoom();
  QWidget::changeEvent(event);
}

void TrainingProgressView::runStarted(const Corpus &corpus) {
  m_series = corpus.isSeries();
  reserveStatusRoom();
  m_progressBar->setValue(0);
  m_progressBar->setFormat(tr("Starting…"));
  m_status->setStyleSheet(QString());
  m_status->setText(tr("Training on %1.").arg(corpus.name));
}

void TrainingProgressView::showMessage(const QString &text) { m_status->setText(text); }

void TrainingProgressView::onProgress(const TrainingProgress &p) {
  const double fraction = p.totalIterations > 0 ? double(p.iteration) / double(p.totalIterations) : 0.0;
  m_progressBar->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
  m_progressBar->setFormat(tr("iteration %1 / %2").arg(p.iteration).arg(p.totalIterations));
  m_status->setText(progressText(p));
}

QString TrainingProgressView::progressText(const TrainingProgress &p) const {
  // A series run's loss is a mean squared error of scaled values: no characters, no bits.
  QString text = (m_series ? tr("epoch %1 · %2 values/s · ETA %3\n") : tr("epoch %1 · %2 chars/s · ETA %3\n"))
                     .arg(p.epoch, 0, 'f', 2)
                     .arg(QLocale().toString(p.tokensPerSecond, 'f', 0), minutesSeconds(p.etaSeconds));
  if (!std::isfinite(p.validationLoss))
    text += tr("no validation yet");
  else if (m_series)
    text += tr("validation MSE %1 (scaled)").arg(p.validationLoss, 0, 'f', 4);
  else
    text += tr("validation loss %1 nats/char (%2 bits/char)")
                .arg(p.validationLoss, 0, 'f', 3)
                .arg(p.bitsPerChar, 0, 'f', 3);
  text += tr(" · training loss %1 · gradient norm %2").arg(p.smoothedLoss, 0, 'f', 3).arg(p.gradientNorm, 0, 'g', 3);
  return text;
}

void TrainingProgressView::reserveStatusRoom() {
  // The widest status a run shows: every number at its longest.
  TrainingProgress widest;
  widest.epoch = 9999.99;
  widest.tokensPerSecond = 99999999.0;
  widest.etaSeconds = 999.0 * 3600.0;
  widest.validationLoss = 99.999;
  widest.bitsPerChar = 99.999;
  widest.smoothedLoss = 99.999;
  widest.gradientNorm = 1.23e+45;
  TrainingProgress early = widest;
  early.validationLoss = std::numeric_limits<double>::quiet_NaN();
  m_status->setReservedTexts({progressText(widest), progressText(early)});
}

void TrainingProgressView::onFinished(TrainingOutcome outcome, const QString &message) {
  const bool diverged = outcome == TrainingOutcome::Diverged;
  m_status->setStyleSheet(diverged ? QStringLiteral("color: #c0392b;") : QString());
  m_status->setText(m_status->text() + QLatin1Char('\n') + message);
}

void TrainingProgressView::onStartFailed(const QString &error) {
  m_progressBar->setFormat(tr("Not started"));
  m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_status->setText(error);
}

} // namespace lstm
