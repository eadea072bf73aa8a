#include "training_panel.h"

#include "sample_log.h"

#include "common/dialogs.h"
#include "training/corpus_source.h"
#include "training/loss_plot_view.h"
#include "training/training_recovery.h"
#include "training/training_settings_form.h"
#include "training/training_timeline_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace lstm {

namespace {
constexpr int kProgressSteps = 1000; // the bar counts permille so 64-bit iteration counts never overflow it

QString minutesSeconds(double seconds) {
  const qint64 total = std::isfinite(seconds) && seconds > 0 ? qint64(std::llround(seconds)) : 0;
  return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TrainingPanel::TrainingPanel(QWidget *parent)
    : QWidget(parent), m_controller(new TrainingController(this)), m_loader(new CorpusLoader(this)) {
  setObjectName(QStringLiteral("trainingPanel"));

  buildCorpusControls();

  m_corpusInfo = new QLabel(this);
  m_corpusInfo->setObjectName(QStringLiteral("corpusInfoLabel"));
  m_corpusInfo->setWordWrap(true);
  m_corpusInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_preview = new QPlainTextEdit(this);
  m_preview->setObjectName(QStringLiteral("corpusPreview"));
  m_preview->setReadOnly(true);
  m_preview->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);

  m_settings = new TrainingSettingsForm(this);
  // While a run trains, the corpus preview and the (locked) settings fold away so the curves get the room.
  m_settingsToggle = new QToolButton(this);
  m_settingsToggle->setObjectName(QStringLiteral("settingsToggle"));
  m_settingsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_settingsToggle->setAutoRaise(true);
  m_settingsToggle->setCheckable(true);
  m_settingsToggle->setChecked(true);
  connect(m_settingsToggle, &QToolButton::toggled, this, [this](bool shown) {
    m_settingsToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_preview->setVisible(shown);
    m_settings->setVisible(shown);
  });
  m_settingsToggle->setArrowType(Qt::DownArrow);

  m_trainButton = new QPushButton(this);
  m_trainButton->setObjectName(QStringLiteral("trainButton"));
  m_pauseButton = new QPushButton(this);
  m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
  m_stopButton = new QPushButton(this);
  m_stopButton->setObjectName(QStringLiteral("stopButton"));
  m_saveButton = new QPushButton(this);
  m_saveButton->setObjectName(QStringLiteral("saveModelButton"));
  m_saveCheckpointButton = new QPushButton(this);
  m_saveCheckpointButton->setObjectName(QStringLiteral("saveCheckpointButton"));
  m_resumeCheckpointButton = new QPushButton(this);
  m_resumeCheckpointButton->setObjectName(QStringLiteral("resumeCheckpointButton"));
  m_recovery = new TrainingRecovery(m_controller, this);

  m_progressBar = new QProgressBar(this);
  m_progressBar->setObjectName(QStringLiteral("trainingProgressBar"));
  m_progressBar->setRange(0, kProgressSteps);
  m_progressBar->setValue(0);

  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("trainingStatusLabel"));
  m_status->setWordWrap(true);

  m_lossPlot = new LossPlotView(this);
  m_sampleLog = new SampleLog(this);
  m_sampleLog->setMaximumHeight(140);
  m_timelineBar = new TrainingTimelineBar(this);

  m_recoveryBanner = new QFrame(this);
  m_recoveryBanner->setObjectName(QStringLiteral("recoveryBanner"));
  m_recoveryBanner->setStyleSheet(QStringLiteral("#recoveryBanner { background: #fff4d6; border: 1px solid #e0b84d; }"));
  m_recoveryLabel = new QLabel(m_recoveryBanner);
  m_recoveryLabel->setWordWrap(true);
  m_recoverButton = new QPushButton(m_recoveryBanner);
  m_recoverButton->setObjectName(QStringLiteral("recoverButton"));
  m_discardRecoveryButton = new QPushButton(m_recoveryBanner);
  m_discardRecoveryButton->setObjectName(QStringLiteral("discardRecoveryButton"));
  auto *bannerLayout = new QHBoxLayout(m_recoveryBanner);
  bannerLayout->addWidget(m_recoveryLabel, 1);
  bannerLayout->addWidget(m_recoverButton);
  bannerLayout->addWidget(m_discardRecoveryButton);
  m_recoveryBanner->hide();

  auto *corpusRow = new QHBoxLayout;
  m_corpusLabel = new QLabel(this);
  corpusRow->addWidget(m_corpusLabel);
  corpusRow->addWidget(m_corpusCombo, 1);
  auto *buttonRow = new QHBoxLayout;
  buttonRow->addWidget(m_trainButton);
  buttonRow->addWidget(m_pauseButton);
  buttonRow->addWidget(m_stopButton);
  buttonRow->addStretch(1);
  auto *fileRow = new QGridLayout; // two columns: the panel must fit a narrow dock without scrolling sideways
  fileRow->addWidget(m_saveButton, 0, 0);
  fileRow->addWidget(m_saveCheckpointButton, 0, 1);
  fileRow->addWidget(m_resumeCheckpointButton, 1, 1);
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_recoveryBanner);
  layout->addLayout(corpusRow);
  layout->addWidget(m_generatorRow);
  layout->addWidget(m_csvRow);
  layout->addWidget(m_corpusInfo);
  layout->addWidget(m_settingsToggle);
  layout->addWidget(m_preview);
  layout->addWidget(m_settings);
  layout->addLayout(buttonRow);
  layout->addLayout(fileRow);
  layout->addWidget(m_progressBar);
  layout->addWidget(m_status);
  layout->addWidget(m_lossPlot, 1);
  layout->addWidget(m_timelineBar);
  layout->addWidget(m_sampleLog);

  connect(m_settings, &TrainingSettingsForm::changed, this, &TrainingPanel::updateButtons);
  connect(m_trainButton, &QPushButton::clicked, this, &TrainingPanel::onTrainClicked);
  connect(m_pauseButton, &QPushButton::clicked, this, &TrainingPanel::onPauseClicked);
  connect(m_stopButton, &QPushButton::clicked, m_controller, &TrainingController::stop);
  connect(m_saveButton, &QPushButton::clicked, this, &TrainingPanel::onSaveClicked);
  connect(m_saveCheckpointButton, &QPushButton::clicked, this, &TrainingPanel::onSaveCheckpointClicked);
  connect(m_resumeCheckpointButton, &QPushButton::clicked, this, &TrainingPanel::onResumeCheckpointClicked);
  connect(m_recoverButton, &QPushButton::clicked, this, [this] {
    if (const auto pending = m_recovery->pending()) {
      m_recoveryBanner->hide();
      m_resumeAfterLoad = pending->checkpoint;
      loadSource(CorpusSource::fromString(pending->corpusPath)); // a generated or CSV corpus is rebuilt
    }
  });
  connect(m_discardRecoveryButton, &QPushButton::clicked, this, [this] {
    m_recovery->discard();
    m_recoveryBanner->hide();
  });
  connect(m_controller, &TrainingController::started, this, &TrainingPanel::onStarted);
  connect(m_controller, &TrainingController::startFailed, this, &TrainingPanel::onStartFailed);
  connect(m_controller, &TrainingController::progress, this, &TrainingPanel::onProgress);
  connect(m_controller, &TrainingController::finished, this, &TrainingPanel::onFinished);
  connect(m_controller, &TrainingController::snapshot, this, &TrainingPanel::onSnapshot);
  connect(m_controller, &TrainingController::stateChanged, this, &TrainingPanel::updateButtons);
  connect(m_timelineBar, &TrainingTimelineBar::exploreNowClicked, this, &TrainingPanel::onExploreNow);
  connect(m_timelineBar, &TrainingTimelineBar::snapshotEveryChanged, m_controller,
          &TrainingController::setSnapshotEvery);
  connect(m_timelineBar, &TrainingTimelineBar::snapshotChosen, this,
          [this](std::shared_ptr<const Model> model, qint64 iteration) {
            m_sampleLog->showIteration(iteration); // what these weights wrote, when they wrote one
            Q_EMIT exploreModel(std::move(model), iteration);
          });
  connect(m_recovery, &TrainingRecovery::failed, this, [this](const QString &error) {
    m_status->setText(tr("Could not write the recovery checkpoint: %1").arg(error));
  });
  m_progressBar->setFormat(tr("Not started"));
  retranslateUi();
  updateButtons();
  showRecoveryOffer();
}

TrainingPanel::~TrainingPanel() = default;

// The progress bar and the status line keep their text until the next progress report rewrites it.
void TrainingPanel::retranslateUi() {
  retranslateCorpusControls();
  m_corpusLabel->setText(tr("Corpus:"));
  if (m_corpus)
    m_corpusInfo->setText(corpusInfoText());
  else if (!m_loader->isLoading() && m_corpusInfo->styleSheet().isEmpty())
    m_corpusInfo->setText(tr("No corpus loaded."));
  m_preview->setPlaceholderText(tr("The first characters of the corpus appear here."));
  m_settingsToggle->setText(tr("Corpus preview and settings"));
  m_trainButton->setText(tr("Train"));
  m_stopButton->setText(tr("Stop"));
  m_saveButton->setText(tr("Save model…"));
  m_saveCheckpointButton->setText(tr("Save checkpoint…"));
  m_saveCheckpointButton->setToolTip(tr("Everything needed to continue this run exactly: weights, optimiser, position"));
  m_resumeCheckpointButton->setText(tr("Resume checkpoint…"));
  m_resumeCheckpointButton->setToolTip(
      tr("Continue a saved run on the loaded corpus, to its planned length or to the iterations set above when "
         "that is more"));
  if (m_controller->state() == TrainingController::State::Idle && !m_controller->hasTrainer())
    m_progressBar->setFormat(tr("Not started"));
  m_recoverButton->setText(tr("Resume it"));
  m_discardRecoveryButton->setText(tr("Discard"));
}

void TrainingPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    updateButtons(); // the pause button's Pause / Resume
    if (!m_recoveryBanner->isHidden())
      showRecoveryOffer();
  }
  QWidget::changeEvent(event);
}

void TrainingPanel::onTrainClicked() {
  if (!m_corpus || !m_settings->isValid() || !confirmDiscard())
    return;
  resetLossPlot();
  m_pauseWanted = false;
  m_sampleLog->clearSamples();
  m_sampleLog->setTextSamples(!m_corpus->isSeries());
  m_timelineBar->clear();
  m_controller->setSnapshotEvery(m_timelineBar->snapshotEvery());
  QString error;
  if (!m_controller->start(m_corpus, m_settings->config(), &error)) {
    dialogs::error(this, tr("Cannot start training"), error);
    return;
  }
  m_resuming.clear();
  runStarted();
}

void TrainingPanel::runStarted() {
  m_pauseWanted = false;
  m_exploreNext = false;
  m_evaluatedAt = -1;
  m_progressBar->setValue(0);
  m_progressBar->setFormat(tr("Starting…"));
  m_status->setStyleSheet(QString());
  m_status->setText(tr("Training on %1.").arg(m_corpus->name));
  m_recovery->runStarted(m_source.toString()); // its autosaves replace any older recovery, so stop offering that one
  m_recoveryBanner->hide();
  m_settingsToggle->setChecked(false);
  updateButtons();
}

void TrainingPanel::onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration) {
  // One sample per evaluation: often enough to watch the text improve, rare enough to cost nothing.
  if (iteration == m_evaluatedAt)
    m_sampleLog->addSample(model, iteration);
  m_timelineBar->addSnapshot(model, iteration);
  if (m_exploreNext) {
    m_exploreNext = false;
    m_timelineBar->showIteration(iteration);
  }
}

void TrainingPanel::onExploreNow() {
  if (m_controller->state() == TrainingController::State::Running) {
    m_exploreNext = true; // the worker copies the weights after its current iteration
    m_controller->requestSnapshot();
  } else if (auto model = m_controller->modelCopy()) {
    const qint64 iteration = m_controller->iteration();
    m_timelineBar->addSnapshot(std::move(model), iteration);
    m_timelineBar->showIteration(iteration);
  }
}

void TrainingPanel::onPauseClicked() {
  m_pauseWanted = !m_pauseWanted;
  if (m_pauseWanted)
    m_controller->pause();
  else
    m_controller->resume();
  updateButtons();
}

void TrainingPanel::onProgress(const TrainingProgress &p) {
  if (p.evaluated)
    m_evaluatedAt = p.iteration; // progress and snapshots arrive in the worker's order: this one's comes next
  m_lossPlot->addProgress(p);
  const double fraction = p.totalIterations > 0 ? double(p.iteration) / double(p.totalIterations) : 0.0;
  m_progressBar->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
  m_progressBar->setFormat(tr("iteration %1 / %2").arg(p.iteration).arg(p.totalIterations));
  // A series run's loss is a mean squared error of scaled values: no characters, no bits.
  const bool series = m_corpus && m_corpus->isSeries();
  QString text = (series ? tr("epoch %1 · %2 values/s · ETA %3\n") : tr("epoch %1 · %2 chars/s · ETA %3\n"))
                     .arg(p.epoch, 0, 'f', 2)
                     .arg(QLocale().toString(p.tokensPerSecond, 'f', 0), minutesSeconds(p.etaSeconds));
  if (!std::isfinite(p.validationLoss))
    text += tr("no validation yet");
  else if (series)
    text += tr("validation MSE %1 (scaled)").arg(p.validationLoss, 0, 'f', 4);
  else
    text += tr("validation loss %1 nats/char (%2 bits/char)")
                .arg(p.validationLoss, 0, 'f', 3)
                .arg(p.bitsPerChar, 0, 'f', 3);
  text += tr(" · training loss %1 · gradient norm %2").arg(p.smoothedLoss, 0, 'f', 3).arg(p.gradientNorm, 0, 'g', 3);
  m_status->setText(text);
}

void TrainingPanel::onFinished(TrainingOutcome outcome, const QString &message) {
  m_pauseWanted = false;
  m_recovery->runEnded();
  m_settingsToggle->setChecked(true);
  m_lossPlot->refreshNow(); // the last evaluation is on screen together with the message
  const bool diverged = outcome == TrainingOutcome::Diverged;
  m_status->setStyleSheet(diverged ? QStringLiteral("color: #c0392b;") : QString());
  m_status->setText(m_status->text() + QLatin1Char('\n') + message);
  updateButtons();
  if (outcome == TrainingOutcome::Finished) {
    if (auto model = m_controller->modelCopy())
      Q_EMIT modelTrained(std::move(model));
  }
}

void TrainingPanel::updateButtons() {
  const auto state = m_controller->state();
  const bool idle = state == TrainingController::State::Idle;
  m_trainButton->setEnabled(idle && m_corpus && !m_loader->isLoading() && m_settings->isValid());
  m_pauseButton->setEnabled(!idle);
  m_pauseButton->setText(m_pauseWanted && !idle ? tr("Resume") : tr("Pause"));
  m_stopButton->setEnabled(!idle);
  const bool canSave = state == TrainingController::State::Paused || (idle && m_controller->hasTrainer());
  m_saveButton->setEnabled(canSave);
  m_saveCheckpointButton->setEnabled(canSave);
  m_resumeCheckpointButton->setEnabled(idle && m_corpus && !m_loader->isLoading());
  m_settings->setEnabled(idle);
  m_corpusCombo->setEnabled(idle);
  m_generatorRow->setEnabled(idle);
  m_csvRow->setEnabled(idle);
}

} // namespace lstm
