#include "main_window.h"

#include "common/dialogs.h"
#include "common/refresh_coalescer.h"
#include "common/recent_files.h"
#include "explorer/cell_diagram_view.h"
#include "explorer/drive_toolbar.h"
#include "explorer/equations_view.h"
#include "explorer/explorer_keys.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/interventions_panel.h"
#include "explorer/next_token_view.h"
#include "explorer/selection_toolbar.h"
#include "explorer/text_input_panel.h"
#include "explorer/text_view.h"
#include "explorer/unit_discovery_panel.h"
#include "explorer/unit_strips_view.h"
#include "explorer/unit_trace_view.h"
#include "forecast/forecast_view.h"
#include "guide/first_launch_guide.h"
#include "lessons/lesson_panel.h"
#include "menus/export_menu.h"
#include "menus/help_menu.h"
#include "opening/model_opener.h"
#include "training/training_panel.h"
#include "workspaces.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>

namespace lstm {

namespace {
// Functions, not constants: a filter must be translated in the language current when the dialog opens.
QString modelFilter() { return MainWindow::tr("LSTM models (*.lstm);;All files (*)"); }
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new ExplorerSession(this)), m_opener(new ModelOpener(m_session, this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setAcceptDrops(true);
  setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
  // The workspaces first: on a narrow screen the toolbars on the right fold into their » menus.
  m_workspaces = new Workspaces(this);
  addToolBar(Qt::TopToolBarArea, m_workspaces->toolBar());
  m_driveBar = new DriveToolBar(m_session, this);
  addToolBar(Qt::TopToolBarArea, m_driveBar);
  addToolBar(Qt::TopToolBarArea, new SelectionToolBar(m_session, this));
  createDocks();
  connectForecast();
  createClassroomDocks();
  createMenus();
  // The debugger keys act whatever has focus; the text starts with it, so typing goes nowhere unexpected.
  auto *keys = new ExplorerKeys(this);
  m_driveBar->bindKeys(*keys);
  keys->bind(Qt::Key_PageDown, Qt::NoModifier, m_lessons->nextStepAction(), true);
  keys->bind(Qt::Key_PageUp, Qt::NoModifier, m_lessons->previousStepAction(), true);
  m_textView->setFocus();
  // Over the window, never focused: the keys it explains work while it shows.
  m_guide = new FirstLaunchGuide(this);
  connect(m_guide, &FirstLaunchGuide::lessonRequested, this,
          [this] { startLesson(LessonPanel::shippedLessons().value(0)); });
  if (!FirstLaunchGuide::dismissedBefore())
    m_guide->showGuide();
  m_stepLabel = new QLabel;
  m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
  statusBar()->addPermanentWidget(m_stepLabel);
  connect(m_session, &ExplorerSession::message, this,
          [this](const QString &text) { statusBar()->showMessage(text, 8000); });
  for (auto signal : {&ExplorerSession::modelChanged, &ExplorerSession::traceChanged})
    connect(m_session, signal, this, &MainWindow::updateTitleAndStatus);
  connect(m_session, &ExplorerSession::cursorChanged, this, &MainWindow::updateTitleAndStatus);
  resize(1400, 900);
  restoreLayout();
  updateTitleAndStatus();
}

QDockWidget *MainWindow::addDock(QWidget *view, const char *title, const QString &name, Qt::DockWidgetArea area) {
  auto *dock = m_texts.dock(new QDockWidget(this), title);
  dock->setObjectName(name); // saveState() keys the layout by object name
  dock->setWidget(view);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::createDocks() {
  m_textView = new TextView(m_session);
  setCentralWidget(m_textView);
  m_heatmaps = new GateHeatmapView(m_session);
  m_unitTraces = new UnitTraceView(m_session);
  m_nextToken = new NextTokenView(m_session);
  addDock(m_heatmaps, QT_TR_NOOP("Gates and states"), QStringLiteral("heatmapDock"), Qt::BottomDockWidgetArea);
  addDock(m_unitTraces, QT_TR_NOOP("Unit traces"), QStringLiteral("unitTraceDock"), Qt::BottomDockWidgetArea);
  m_forecast = new ForecastView;
  addDock(m_forecast, QT_TR_NOOP("Forecast"), QStringLiteral("forecastDock"), Qt::BottomDockWidgetArea);
  addDock(new UnitStripsView(m_session), QT_TR_NOOP("Units over the text"), QStringLiteral("unitStripsDock"),
          Qt::BottomDockWidgetArea);
  addDock(new CellDiagramView(m_session), QT_TR_NOOP("Cell diagram"), QStringLiteral("cellDiagramDock"),
          Qt::RightDockWidgetArea);
  addDock(new EquationsView(m_session), QT_TR_NOOP("Equations"), QStringLiteral("equationsDock"), Qt::RightDockWidgetArea);
  addDock(m_nextToken, QT_TR_NOOP("Next character"), QStringLiteral("nextTokenDock"), Qt::RightDockWidgetArea);
  addDock(new TextInputPanel(m_session), QT_TR_NOOP("Text to read"), QStringLiteral("textInputDock"),
          Qt::LeftDockWidgetArea);
  addDock(new InterventionsPanel(m_session), QT_TR_NOOP("Interventions"), QStringLiteral("interventionsDock"),
          Qt::LeftDockWidgetArea);
  auto *training = new TrainingPanel(new TrainingController(this)); // the window owns the controller
  auto *trainingScroll = new QScrollArea; // the panel is tall; a scroll area keeps it from setting the window's minimum height
  trainingScroll->setWidget(training);
  trainingScroll->setWidgetResizable(true);
  trainingScroll->setFrameShape(QFrame::NoFrame);
  addDock(trainingScroll, QT_TR_NOOP("Training"), QStringLiteral("trainingDock"), Qt::LeftDockWidgetArea);
  auto *discoveryPanel = new UnitDiscoveryPanel(m_session);
  addDock(discoveryPanel, QT_TR_NOOP("Unit discovery"), QStringLiteral("unitDiscoveryDock"), Qt::LeftDockWidgetArea);
  // The heatmaps' rows can follow the feature chosen there (the window owns both).
  m_heatmaps->setFeatureSource([panel = QPointer(discoveryPanel)] {
    return panel ? panel->featureValues() : std::vector<double>{};
  });
  connect(discoveryPanel, &UnitDiscoveryPanel::featureChanged, m_heatmaps, &GateHeatmapView::onFeatureChanged);
  m_training = training;
  connect(training, &TrainingPanel::exploreModel, this, [this](std::shared_ptr<const Model> model, qint64 iteration) {
    m_opener->showTrained(std::move(model), tr("training, iteration %1").arg(iteration), m_training->probeText());
  });
  connect(training, &TrainingPanel::modelTrained, this, [this](std::shared_ptr<const Model> model) {
    m_opener->showTrained(std::move(model), tr("trained model"), m_training->probeText());
  });
  // Where each dock goes is the workspaces' table (workspaces.cpp); the constructor arranges them.
}

void MainWindow::createMenus() {
  // Every text goes through m_texts, so a language switch re-reads them (retranslateUi) in place.
  QMenu *file = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&File"));
  QAction *open = m_texts.action(file->addAction(QString(), this, [this] {
    const QString path = dialogs::openFile(this, tr("Open model"), modelFilter());
    if (!path.isEmpty())
      openModel(path);
  }), QT_TR_NOOP("&Open model…"));
  open->setObjectName(QStringLiteral("openAction"));
  open->setShortcut(QKeySequence::Open);
  m_recent = new RecentFiles(m_texts.menu(file->addMenu(QString()), QT_TR_NOOP("Open &recent")), this);
  connect(m_recent, &RecentFiles::openRequested, this, [this](const QString &path) { openModel(path); });
  m_texts.action(file->addAction(QString(), this, &MainWindow::openExampleGallery), QT_TR_NOOP("Open &example…"))
      ->setObjectName(QStringLiteral("openExampleAction"));
  m_texts.action(file->addAction(QString(), this, &MainWindow::openBuiltInModel),
                 QT_TR_NOOP("Open the &built-in model (English quotations, 2 × 128)"))
      ->setObjectName(QStringLiteral("openBuiltInModelAction"));
  file->addSeparator();
  fillExportMenu(m_texts.menu(file->addMenu(QString()), QT_TR_NOOP("&Export")), this, m_texts,
                 {m_heatmaps, m_unitTraces, m_nextToken, m_session, findChild<UnitStripsView *>()});
  file->addSeparator();
  QAction *quit = m_texts.action(file->addAction(QString(), this, &QWidget::close), QT_TR_NOOP("&Quit"));
  quit->setShortcut(QKeySequence::Quit);

  QMenu *drive = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Step"));
  drive->addActions(m_driveBar->stepMenuActions());

  QMenu *view = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&View"));
  view->addActions(m_workspaces->actions());
  view->addSeparator();
  for (QDockWidget *dock : findChildren<QDockWidget *>())
    view->addAction(dock->toggleViewAction());
  view->addSeparator();
  m_texts.action(view->addAction(QString(), m_workspaces, &Workspaces::resetLayout), QT_TR_NOOP("&Reset layout"))
      ->setObjectName(QStringLiteral("resetLayoutAction"));
  addClassroomMenus(view);

  QMenu *help = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Help"));
  fillHelpMenu(help, this, m_texts, [this] { m_guide->showGuide(); });
}

void MainWindow::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    m_texts.retranslate();
    updateTitleAndStatus();
  }
  QMainWindow::changeEvent(event);
}

bool MainWindow::openModel(const QString &path) {
  QString error;
  if (!m_opener->open(path, &error)) {
    dialogs::error(this, tr("Cannot open the model"), error);
    return false;
  }
  m_recent->add(path);
  return true;
}

void MainWindow::flushRedraws() {
  for (RefreshCoalescer *coalescer : findChildren<RefreshCoalescer *>())
    if (coalescer->pending())
      coalescer->runNow();
  QCoreApplication::sendPostedEvents(); // QCustomPlot's queued replots
}

bool MainWindow::openDefaultModel() { return openModel(ModelOpener::defaultModelPath()); }

bool MainWindow::openBuiltInModel() { return openModel(ModelOpener::builtInModelPath()); }

void MainWindow::updateTitleAndStatus() {
  const QString name =
      m_session->hasModel() ? QFileInfo(m_session->modelSource()).fileName() : tr("no model");
  setWindowTitle(tr("%1 — LSTM Explorer").arg(name));
  if (!m_session->hasModel()) {
    m_stepLabel->clear();
    return;
  }
  const ModelConfig &config = m_session->model().config;
  const int cursor = m_session->cursor();
  QString text = tr("%1 × %2 units").arg(config.numLayers).arg(config.hiddenSize);
  text += QStringLiteral("   ") + tr("step %1 of %2").arg(cursor + 1).arg(m_session->steps());
  if (cursor >= 0 && config.usesTokens())
    text += QStringLiteral("  '") + m_session->tokenLabel(m_session->trace().token(cursor)) + QLatin1Char('\'');
  m_stepLabel->setText(text);
}

void MainWindow::restoreLayout() {
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  const Workspace workspace =
      Workspaces::fromKey(settings.value(QStringLiteral("window/workspace")).toString(), Workspace::Explore);
  m_workspaces->switchTo(workspace); // the designed layout, then the user's own on top when there is one
  if (restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
    m_workspaces->keepUserLayout();
}

void MainWindow::closeEvent(QCloseEvent *event) {
  if (!m_training->confirmClose()) {
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  settings.setValue(QStringLiteral("window/workspace"), Workspaces::key(m_workspaces->current()));
  m_session->pause();
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
  const QMimeData *mime = event->mimeData();
  if (mime->hasUrls() && mime->urls().size() == 1 && mime->urls().front().isLocalFile())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() == 1 && urls.front().isLocalFile() && openModel(urls.front().toLocalFile()))
    event->acceptProposedAction();
}

} // namespace lstm
