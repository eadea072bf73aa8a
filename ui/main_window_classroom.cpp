// MainWindow's classroom parts: the lesson and gradient-flow docks, presentation mode, the lessons and language
// menus.
#include "main_window.h"

#include "common/language.h"
#include "explorer/drive_toolbar.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "menus/lesson_menu.h"
#include "opening/model_opener.h"
#include "presentation_mode.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>

namespace lstm {

void MainWindow::createClassroomDocks() {
  m_lessons = new LessonPanel(m_session);
  m_lessons->setObjectName(QStringLiteral("lessonPanel"));
  // A lesson step opens its model the way File ▸ Open does (primer, lesson unit, a series' data for the
  // Forecast dock), then sets its own text and selection on top; failures go to the panel, not a dialog.
  m_lessons->runner()->setOpener(
      [this](const QString &path, QString *error) { return m_opener->open(path, error); });
  connect(m_lessons, &LessonPanel::viewRequested, this, &MainWindow::showDock);
  QDockWidget *lessonDock = addDock(m_lessons, QT_TR_NOOP("Lesson"), QStringLiteral("lessonDock"), Qt::LeftDockWidgetArea);
  if (auto *interventions = findChild<QDockWidget *>(QStringLiteral("interventionsDock"))) {
    tabifyDockWidget(interventions, lessonDock); // the tall lower-left group: room for a lesson's text
    interventions->raise();
  }

  m_gradientFlow = new GradientFlowView(m_session);
  QDockWidget *flowDock = addDock(m_gradientFlow, QT_TR_NOOP("Gradient flow"), QStringLiteral("gradientFlowDock"),
                                  Qt::BottomDockWidgetArea);
  tabifyDockWidget(m_forecastDock, flowDock);
  QStringList views; // every dock but the lesson's own may be brought forward by a step
  for (const QDockWidget *dock : findChildren<QDockWidget *>())
    if (dock != lessonDock)
      views << dock->objectName();
  m_lessons->setViewNames(views);
  if (auto *heatmaps = findChild<QDockWidget *>(QStringLiteral("heatmapDock")))
    heatmaps->raise();
}

void MainWindow::addClassroomMenus(QMenu *view) {
  // Presentation keeps the text, the cell diagram and the heatmaps (shown as one map), and the lesson while one runs.
  m_presentation = new PresentationMode(
      this, {QStringLiteral("cellDiagramDock"), QStringLiteral("heatmapDock")},
      {m_driveBar->previousStepAction(), m_driveBar->playAction(), m_driveBar->nextStepAction()}, this);
  view->addSeparator();
  view->addAction(m_presentation->toggleAction());
  view->addAction(m_presentation->hideAdvancedAction());

  QMenu *lessons = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Lessons"));
  const auto start = [this](const QString &path) { startLesson(path); };
  // Rebuilt on every opening, so the titles are in the current language.
  connect(lessons, &QMenu::aboutToShow, this, [this, lessons, start] { fillLessonMenu(lessons, this, start); });
  fillLessonMenu(lessons, this, start);

  QMenu *settings = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Settings"));
  settings->addMenu(createLanguageMenu(this));
}

bool MainWindow::startLesson(const QString &path) {
  showDock(QStringLiteral("lessonDock"));
  return m_lessons->openLesson(path);
}

void MainWindow::showDock(const QString &objectName) {
  if (auto *dock = findChild<QDockWidget *>(objectName)) {
    dock->show();
    dock->raise();
  }
}

} // namespace lstm
