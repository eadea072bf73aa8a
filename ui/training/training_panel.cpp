#include "training_panel.h"

#include "common/dialogs.h"
#include "training/best_weights.h"
#include "training/best_weights_bar.h"
#include "training/corpus_chooser.h"
#include "training/corpus_preview.h"
#include "training/recovery_banner.h"
#include "training/training_monitor.h"
#include "training/training_progress_view.h"
#include "training/training_recovery.h"
#include "training/training_run_controls.h"
#include "training/training_run_files.h"
#include "training/training_settings_form.h"

#include <QEvent>
#include <QFileInfo>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace lstm {

TrainingPanel::TrainingPanel(TrainingController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller) {
  setObjectName(QStringLiteral("trainingPanel"));
  // The parts subscribe to the controller as they are made, before the panel does: when a run ends, they are
  // up to date before modelTrained() goes out.
  m_recovery = new TrainingRecovery(m_controller, this);
  m_files = new TrainingRunFiles(m_controller, m_recovery, this);
  m_recoveryBanner = new RecoveryBanner(m_recovery, this);
  m_chooser = new CorpusChooser(this);
  m_preview = new CorpusPreview(this);
  m_settings = new TrainingSettingsForm(this);
  buildSettingsToggle();
  m_controls = new TrainingRunControls(m_controller, this);
  m_progress = new TrainingProgressView(m_controller, this);
  m_best = new BestWeights(m_controller, this);
  m_bestBar = new BestWeightsBar(m_controller, m_best, this);
  m_monitor = new TrainingMonitor(m_controller, this);
  buildLayout();
  connectParts();
  retranslateUi();
  updateControls();
  m_recoveryBanner->showOffer();
}

TrainingPanel::~TrainingPanel() = default;

void TrainingPanel::buildSettingsToggle() {
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
}

void TrainingPanel::buildLayout() {
  auto *layout = new QVBoxLayout(this);
  layout->addWidget(m_recoveryBanner);
  layout->addWidget(m_chooser);
  layout->addWidget(m_settingsToggle);
  layout->addWidget(m_preview);
  layout->addWidget(m_settings);
  layout->addWidget(m_controls);
  layout->addWidget(m_progress);
  layout->addWidget(m_bestBar);
  layout->addWidget(m_monitor, 1);
}

void TrainingPanel::connectParts() {
  connect(m_chooser, &CorpusChooser::loadingStarted, this, [this] {
    // The settings are checked against the corpus on screen: none while loading, so Train waits for it.
    m_settings->setCorpus(nullptr);
    m_preview->clear();
    updateControls();
  });
  connect(m_chooser, &CorpusChooser::corpusLoaded, this, &TrainingPanel::onCorpusLoaded);
  connect(m_chooser, &CorpusChooser::loadFailed, this, [this] {
    m_resumeAfterLoad.clear();
    updateControls();
  });
  connect(m_settings, &TrainingSettingsForm::changed, this, &TrainingPanel::updateControls);
  connect(m_controls, &TrainingRunControls::trainClicked, this, &TrainingPanel::onTrainClicked);
  connect(m_controls, &TrainingRunControls::saveClicked, m_files, &TrainingRunFiles::save);
  connect(m_controls, &TrainingRunControls::resumeCheckpointClicked, this, [this] {
    if (const QString path = m_files->chooseCheckpoint(); !path.isEmpty())
      resumeCheckpointFile(path);
  });
  connect(m_files, &TrainingRunFiles::saved, m_progress, &TrainingProgressView::showMessage);
  connect(m_files, &TrainingRunFiles::bestSaved, m_bestBar, &BestWeightsBar::showSaved);
  connect(m_bestBar, &BestWeightsBar::saveClicked, this, [this] {
    if (auto model = m_best->model())
      m_files->saveBest(*model, m_best->modelIteration());
  });
  connect(m_bestBar, &BestWeightsBar::exploreClicked, this, [this] {
    if (auto model = m_best->model())
      Q_EMIT exploreModel(std::move(model), m_best->modelIteration());
  });
  connect(m_recoveryBanner, &RecoveryBanner::recoverRequested, this,
          [this](const CorpusSource &source, const QString &checkpoint) {
            m_resumeAfterLoad = checkpoint;
            loadSource(source); // a generated or CSV corpus is rebuilt
          });
  connect(m_recovery, &TrainingRecovery::failed, this, [this](const QString &error) {
    m_progress->showMessage(tr("Could not write the recovery checkpoint: %1").arg(error));
  });
  connect(m_monitor, &TrainingMonitor::exploreModel, this, &TrainingPanel::exploreModel);
  connect(m_controller, &TrainingController::started, this, &TrainingPanel::onStarted);
  connect(m_controller, &TrainingController::startFailed, this, &TrainingPanel::onStartFailed);
  connect(m_controller, &TrainingController::finished, this, &TrainingPanel::onFinished);
  connect(m_controller, &TrainingController::stateChanged, this, &TrainingPanel::updateControls);
}

void TrainingPanel::retranslateUi() { m_settingsToggle->setText(tr("Corpus preview and settings")); }

void TrainingPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void TrainingPanel::loadCorpusFile(const QString &path) { m_chooser->loadCorpusFile(path); }
void TrainingPanel::loadGenerated(const QString &id, qint64 length, quint64 seed) {
  m_chooser->loadGenerated(id, length, seed);
}
void TrainingPanel::loadCsvFile(const QString &path, const QString &column) { m_chooser->loadCsvFile(path, column); }
void TrainingPanel::loadSource(const CorpusSource &source) { m_chooser->loadSource(source); }
const CorpusSource &TrainingPanel::corpusSource() const { return m_chooser->source(); }
std::shared_ptr<const Corpus> TrainingPanel::corpus() const { return m_chooser->corpus(); }
QString TrainingPanel::probeText() const { return m_chooser->probeText(); }
bool TrainingPanel::confirmClose() { return m_files->confirmClose(); }
bool TrainingPanel::hasUnsavedTraining() const { return m_files->hasUnsavedTraining(); }
TrainingTimelineBar *TrainingPanel::timelineBar() { return m_monitor->timelineBar(); }
LossPlotView *TrainingPanel::lossPlot() { return m_monitor->lossPlot(); }
SampleLog *TrainingPanel::sampleLog() { return m_monitor->sampleLog(); }

void TrainingPanel::onCorpusLoaded() {
  const std::shared_ptr<const Corpus> corpus = m_chooser->corpus();
  m_preview->showCorpus(*corpus);
  m_settings->setCorpus(corpus);
  m_settings->suggestFor(*corpus);
  if (m_controller->state() == TrainingController::State::Idle && !m_controller->hasTrainer())
    m_monitor->showCorpus(corpus->isSeries(), m_chooser->baselines()); // nothing trained yet
  updateControls();
  Q_EMIT corpusReady();
  if (!m_resumeAfterLoad.isEmpty())
    resumeCheckpointFile(std::exchange(m_resumeAfterLoad, QString()));
}

void TrainingPanel::onTrainClicked() {
  const std::shared_ptr<const Corpus> corpus = m_chooser->corpus();
  if (!corpus || !m_settings->isValid() || !m_files->confirmDiscard())
    return;
  m_monitor->beginRun(corpus->isSeries(), m_chooser->baselines());
  m_monitor->applySnapshotEvery();
  QString error;
  if (!m_controller->start(corpus, m_settings->config(), &error)) {
    dialogs::error(this, tr("Cannot start training"), error);
    return;
  }
  m_resuming.clear();
  runStarted(*corpus);
}

bool TrainingPanel::resumeCheckpointFile(const QString &path) {
  const std::shared_ptr<const Corpus> corpus = m_chooser->corpus();
  if (!corpus) {
    dialogs::error(this, tr("Cannot resume training"), path + QStringLiteral(": ") + tr("load its corpus first"));
    return false;
  }
  if (!m_files->confirmDiscard())
    return false;
  m_monitor->applySnapshotEvery();
  QString error;
  if (!m_controller->resumeCheckpoint(corpus, path, &error, m_settings->config().iterations)) {
    dialogs::error(this, tr("Cannot resume training"), error);
    return false;
  }
  m_resuming = QFileInfo(path).fileName();
  m_monitor->beginRun(corpus->isSeries(), m_chooser->baselines());
  runStarted(*corpus);
  m_progress->showMessage(tr("Resuming %1…").arg(m_resuming));
  return true;
}

void TrainingPanel::runStarted(const Corpus &corpus) {
  m_progress->runStarted(corpus);
  m_bestBar->runStarted(corpus);
  m_files->runStarted(corpus);
  m_recovery->runStarted(m_chooser->source().toString()); // its autosaves replace any older recovery
  m_recoveryBanner->hide();                                // so that one is no longer offered
  m_settingsToggle->setChecked(false);
  updateControls();
}

void TrainingPanel::onStarted() {
  if (m_resuming.isEmpty())
    return;
  // The run continues with the checkpoint's settings: show them (its curves are on the plot already).
  TrainerConfig shown = m_controller->config();
  shown.iterations = std::max(shown.iterations, m_settings->config().iterations);
  m_settings->setConfig(shown);
  m_progress->showMessage(tr("Resumed %1 at iteration %2.").arg(m_resuming).arg(m_controller->iteration()));
  m_resuming.clear();
}

void TrainingPanel::onStartFailed(const QString &error) {
  m_resuming.clear();
  m_recovery->runEnded();
  m_settingsToggle->setChecked(true);
  updateControls();
  dialogs::error(this, tr("Cannot resume training"), error);
}

void TrainingPanel::onFinished(TrainingOutcome outcome) {
  m_recovery->runEnded();
  m_settingsToggle->setChecked(true);
  updateControls();
  if (outcome == TrainingOutcome::Finished) {
    if (auto model = m_controller->modelCopy())
      Q_EMIT modelTrained(std::move(model));
  }
}

void TrainingPanel::updateControls() {
  const bool idle = m_controller->state() == TrainingController::State::Idle;
  m_controls->setReadiness(m_chooser->corpus() && !m_chooser->isLoading(), m_settings->isValid());
  m_settings->setEnabled(idle);
  m_chooser->setChoosable(idle);
}

} // namespace lstm
