#include "training_run_controls.h"

#include "training/training_controller.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace lstm {

TrainingRunControls::TrainingRunControls(TrainingController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller) {
  const auto button = [this](const char *name) {
    auto *created = new QPushButton(this);
    created->setObjectName(QLatin1String(name));
    return created;
  };
  m_trainButton = button("trainButton");
  m_pauseButton = button("pauseButton");
  m_stopButton = button("stopButton");
  m_saveButton = button("saveModelButton");
  m_saveCheckpointButton = button("saveCheckpointButton");
  m_resumeCheckpointButton = button("resumeCheckpointButton");

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
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttonRow);
  layout->addLayout(fileRow);

  connect(m_trainButton, &QPushButton::clicked, this, &TrainingRunControls::trainClicked);
  connect(m_pauseButton, &QPushButton::clicked, this, &TrainingRunControls::onPauseClicked);
  connect(m_stopButton, &QPushButton::clicked, m_controller, &TrainingController::stop);
  connect(m_saveButton, &QPushButton::clicked, this, [this] { Q_EMIT saveClicked(false); });
  connect(m_saveCheckpointButton, &QPushButton::clicked, this, [this] { Q_EMIT saveClicked(true); });
  connect(m_resumeCheckpointButton, &QPushButton::clicked, this, &TrainingRunControls::resumeCheckpointClicked);
  connect(m_controller, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
    if (state == TrainingController::State::Idle)
      m_pauseWanted = false; // the run ended: the next one starts unpaused
    updateButtons();
  });
  retranslateUi();
  updateButtons();
}

void TrainingRunControls::setReadiness(bool corpusReady, bool settingsValid) {
  m_corpusReady = corpusReady;
  m_settingsValid = settingsValid;
  updateButtons();
}

void TrainingRunControls::retranslateUi() {
  m_trainButton->setText(tr("Train"));
  m_stopButton->setText(tr("Stop"));
  m_saveButton->setText(tr("Save model…"));
  m_saveCheckpointButton->setText(tr("Save checkpoint…"));
  m_saveCheckpointButton->setToolTip(tr("Everything needed to continue this run exactly: weights, optimiser, position"));
  m_resumeCheckpointButton->setText(tr("Resume checkpoint…"));
  m_resumeCheckpointButton->setToolTip(
      tr("Continue a saved run on the loaded corpus, to its planned length or to the iterations set above when "
         "that is more"));
}

void TrainingRunControls::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    updateButtons(); // the pause button's Pause / Resume
  }
  QWidget::changeEvent(event);
}

void TrainingRunControls::onPauseClicked() {
  m_pauseWanted = !m_pauseWanted;
  if (m_pauseWanted)
    m_controller->pause();
  else
    m_controller->resume();
  updateButtons();
}

void TrainingRunControls::updateButtons() {
  const auto state = m_controller->state();
  const bool idle = state == TrainingController::State::Idle;
  m_trainButton->setEnabled(idle && m_corpusReady && m_settingsValid);
  m_pauseButton->setEnabled(!idle);
  m_pauseButton->setText(m_pauseWanted && !idle ? tr("Resume") : tr("Pause"));
  m_stopButton->setEnabled(!idle);
  const bool canSave = state == TrainingController::State::Paused || (idle && m_controller->hasTrainer());
  m_saveButton->setEnabled(canSave);
  m_saveCheckpointButton->setEnabled(canSave);
  m_resumeCheckpointButton->setEnabled(idle && m_corpusReady);
}

} // namespace lstm
