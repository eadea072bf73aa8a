#include "drive_toolbar.h"

#include "explorer_keys.h"
#include "explorer_session.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

namespace lstm {

namespace {
QSpinBox *spinBox(const QString &name, int low, int high, int value) {
  auto *box = new QSpinBox;
  box->setObjectName(name);
  box->setRange(low, high);
  box->setValue(value);
  box->setKeyboardTracking(false);
  return box;
}
} // namespace

DriveToolBar::DriveToolBar(ExplorerSession *session, QWidget *parent) : QToolBar(parent), m_session(session) {
  setObjectName(QStringLiteral("driveToolBar"));
  // The keys are given by the window (bindKeys), so they work whatever has focus (explorer_keys.h).
  const auto action = [this](QStyle::StandardPixmap icon, const char *name) {
    auto *created = new QAction(style()->standardIcon(icon), QString(), this);
    created->setObjectName(QLatin1String(name));
    return created;
  };
  m_first = action(QStyle::SP_MediaSkipBackward, "firstStepAction");
  m_previous = action(QStyle::SP_MediaSeekBackward, "previousStepAction");
  m_play = action(QStyle::SP_MediaPlay, "playAction");
  m_play->setCheckable(true);
  m_next = action(QStyle::SP_MediaSeekForward, "stepForwardAction");
  m_last = action(QStyle::SP_MediaSkipForward, "lastStepAction");
  m_dropLast = action(QStyle::SP_DialogDiscardButton, "dropLastStepAction");
  m_reset = action(QStyle::SP_BrowserReload, "resetAction");
  m_reset->setShortcut(Qt::CTRL | Qt::Key_R);
  m_reset->setShortcutContext(Qt::WindowShortcut);
  addActions({m_previous, m_play, m_next, m_reset});

  m_rateLabel = new QLabel;
  addWidget(m_rateLabel);
  m_rate = spinBox(QStringLiteral("playRateSpin"), 1, 500, int(session->playRate()));
  addWidget(m_rate);
  addSeparator();

  m_mode = new QComboBox;
  m_mode->setObjectName(QStringLiteral("modeCombo"));
  m_mode->addItem(QString(), int(DriveMode::Read));
  m_mode->addItem(QString(), int(DriveMode::Write));
  addWidget(m_mode);
  m_temperatureLabel = new QLabel;
  addWidget(m_temperatureLabel);
  m_temperature = new QDoubleSpinBox;
  m_temperature->setObjectName(QStringLiteral("temperatureSpin"));
  m_temperature->setRange(0.0, 5.0);
  m_temperature->setSingleStep(0.1);
  m_temperature->setDecimals(2);
  m_temperature->setKeyboardTracking(false);
  addWidget(m_temperature);
  m_topKLabel = new QLabel;
  addWidget(m_topKLabel);
  m_topK = spinBox(QStringLiteral("topKSamplingSpin"), 0, 100000, 0);
  addWidget(m_topK);
  m_seedLabel = new QLabel;
  addWidget(m_seedLabel);
  m_seed = spinBox(QStringLiteral("seedSpin"), 0, 999999, 0);
  addWidget(m_seed);
  m_pick = addAction(QString());
  m_pick->setObjectName(QStringLiteral("pickAction"));
  m_pick->setCheckable(true);
  retranslateUi();

  const auto paused = [session](bool (ExplorerSession::*go)()) {
    return [session, go] {
      session->pause();
      (session->*go)();
    };
  };
  connect(m_previous, &QAction::triggered, session, paused(&ExplorerSession::previousStep));
  connect(m_next, &QAction::triggered, session, paused(&ExplorerSession::nextStep));
  connect(m_first, &QAction::triggered, session, paused(&ExplorerSession::firstStep));
  connect(m_last, &QAction::triggered, session, paused(&ExplorerSession::lastStep));
  connect(m_dropLast, &QAction::triggered, session, paused(&ExplorerSession::dropLastStep));
  connect(m_play, &QAction::triggered, session, [session](bool on) { on ? session->play() : session->pause(); });
  connect(m_reset, &QAction::triggered, session, &ExplorerSession::reset);
  connect(m_rate, &QSpinBox::valueChanged, session, [session](int rate) { session->setPlayRate(rate); });
  connect(m_mode, &QComboBox::currentIndexChanged, session, [this] {
    m_session->setMode(DriveMode(m_mode->currentData().toInt()));
    syncFromSession(); // a refused switch puts the combo back
  });
  connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &DriveToolBar::applySampling);
  connect(m_topK, &QSpinBox::valueChanged, this, &DriveToolBar::applySampling);
  connect(m_seed, &QSpinBox::valueChanged, this, &DriveToolBar::applySampling);
  connect(m_pick, &QAction::toggled, session, [session](bool on) { session->setPickMode(on); });

  for (auto signal : {&ExplorerSession::modelChanged, &ExplorerSession::samplingChanged})
    connect(session, signal, this, &DriveToolBar::syncFromSession);
  connect(session, &ExplorerSession::modeChanged, this, &DriveToolBar::syncFromSession);
  connect(session, &ExplorerSession::playingChanged, this, &DriveToolBar::syncFromSession);
  syncFromSession();
}

void DriveToolBar::retranslateUi() {
  setWindowTitle(tr("Drive"));
  m_previous->setText(tr("Previous step"));
  m_previous->setToolTip(tr("Inspect the previous step; nothing is undone (←)"));
  m_play->setToolTip(tr("Play / pause from the inspected step (Space)"));
  m_next->setText(tr("Next step"));
  m_next->setToolTip(tr("Inspect the next step; at the last one, read or write one more character (→)"));
  m_first->setText(tr("First step"));
  m_last->setText(tr("Last step"));
  m_dropLast->setText(tr("Drop the last step"));
  m_dropLast->setToolTip(tr("Undo the last step exactly (Backspace, Ctrl+Z)"));
  m_reset->setText(tr("Reset"));
  m_reset->setToolTip(tr("Reset the state to zero and clear the trace (Ctrl+R); the text stays"));
  m_rateLabel->setText(tr(" Speed "));
  m_rate->setToolTip(tr("Steps per second while playing"));
  m_rate->setSuffix(tr(" steps/s"));
  m_mode->setItemText(0, tr("Read"));
  m_mode->setItemText(1, tr("Write"));
  m_mode->setToolTip(tr("Read: feed the text one character per step. Write: the model samples its next character."));
  m_temperatureLabel->setText(tr(" Temperature "));
  m_temperature->setToolTip(tr("0 always takes the most likely character; higher is more adventurous"));
  m_topKLabel->setText(tr(" Top-k "));
  m_topK->setToolTip(tr("Sample only among the k most likely (0: all)"));
  m_seedLabel->setText(tr(" Seed "));
  m_seed->setToolTip(tr("Same seed, same text"));
  m_pick->setText(tr("Let me pick"));
  m_pick->setToolTip(tr("In write mode, choose each next character yourself in the distribution view"));
  m_play->setText(m_session->playing() ? tr("Pause") : tr("Play"));
}

void DriveToolBar::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QToolBar::changeEvent(event);
}

void DriveToolBar::syncFromSession() {
  const QSignalBlocker blockMode(m_mode), blockTemperature(m_temperature), blockTopK(m_topK), blockSeed(m_seed),
      blockPick(m_pick), blockPlay(m_play);
  m_mode->setCurrentIndex(m_mode->findData(int(m_session->mode())));
  const SamplingOptions options = m_session->samplingOptions();
  m_temperature->setValue(options.temperature);
  m_topK->setValue(options.topK);
  m_seed->setValue(int(options.seed));
  m_pick->setChecked(m_session->pickMode());
  m_play->setChecked(m_session->playing());
  m_play->setIcon(style()->standardIcon(m_session->playing() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  m_play->setText(m_session->playing() ? tr("Pause") : tr("Play"));
  const bool writing = m_session->mode() == DriveMode::Write;
  for (QWidget *widget : std::initializer_list<QWidget *>{m_temperature, m_topK, m_seed})
    widget->setEnabled(writing);
  m_pick->setEnabled(writing);
}

QList<QAction *> DriveToolBar::stepMenuActions() const {
  return {m_previous, m_next, m_first, m_last, m_play, m_dropLast, m_reset};
}

void DriveToolBar::bindKeys(ExplorerKeys &keys) const {
  keys.bind(Qt::Key_Left, Qt::NoModifier, m_previous);
  keys.bind(Qt::Key_Right, Qt::NoModifier, m_next);
  keys.bind(Qt::Key_Home, Qt::NoModifier, m_first);
  keys.bind(Qt::Key_End, Qt::NoModifier, m_last);
  keys.bind(Qt::Key_Space, Qt::NoModifier, m_play);
  keys.bind(Qt::Key_Backspace, Qt::NoModifier, m_dropLast);
  keys.bind(Qt::Key_Z, Qt::ControlModifier, m_dropLast);
}

void DriveToolBar::applySampling() {
  SamplingOptions options = m_session->samplingOptions();
  options.temperature = m_temperature->value();
  options.topK = m_topK->value();
  options.seed = std::uint64_t(m_seed->value());
  m_session->setSamplingOptions(options);
}

} // namespace lstm
