// MainWindow's classroom parts (issue #7): the lesson and gradient-flow docks, presentation mode, the language
// menu and figure export.
#include "main_window.h"

#include "common/dialogs.h"
#include "common/export_figure_dialog.h"
#include "common/language.h"
#include "explore/guided_lesson.h"
#include "explorer/drive_toolbar.h"
#include "explorer/explorer_session.h"
#include "explorer/gradient_flow_view.h"
#include "lessons/lesson_panel.h"
#include "lessons/lesson_runner.h"
#include "presentation_mode.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace lstm {

void MainWindow::createClassroomDocks() {
  m_lessons = new LessonPanel(m_session);
  m_lessons->setObjectName(QStringLiteral("lessonPanel"));
  // A lesson step opens its model the way File ▸ Open does (primer, lesson unit, a series' data for the
  // Forecast dock), then sets its own text and selection on top; failures go to the panel, not a dialog.
  m_lessons->runner()->setOpener([this](const QString &path, QString *error) {
    if (!m_session->openModel(path, error))
      return false;
    if (!openLessonOf(path))
      primeOpenedModel();
    afterModelOpened();
    return true;
  });
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
      {m_driveBar->stepBackAction(), m_driveBar->playAction(), m_driveBar->stepForwardAction()}, this);
  view->addSeparator();
  view->addAction(m_presentation->toggleAction());
  view->addAction(m_presentation->hideAdvancedAction());

  QMenu *lessons = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Lessons"));
  connect(lessons, &QMenu::aboutToShow, this, [this, lessons] { fillLessonMenu(lessons); });
  fillLessonMenu(lessons);

  QMenu *settings = m_texts.menu(menuBar()->addMenu(QString()), QT_TR_NOOP("&Settings"));
  settings->addMenu(createLanguageMenu(this));
}

void MainWindow::fillLessonMenu(QMenu *menu) {
  // Rebuilt on every opening, so the titles are in the current language.
  menu->clear();
  for (const QString &path : LessonPanel::shippedLessons()) {
    QString error;
    const auto lesson = GuidedLesson::load(path, &error);
    if (!lesson)
      continue; // a damaged build; the panel's chooser names the problem
    menu->addAction(lesson->title.in(currentLessonLanguage()), this, [this, path] { startLesson(path); });
  }
  menu->addSeparator();
  menu->addAction(tr("Open lesson file…"), this, [this] {
    const QString path = dialogs::openFile(this, tr("Open lesson"), tr("Lessons (*.json);;All files (*)"));
    if (!path.isEmpty())
      startLesson(path);
  })->setObjectName(QStringLiteral("openLessonAction"));
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

void MainWindow::addClassroomExports(QMenu *exportMenu) {
  QAction *figure = m_texts.action(exportMenu->addAction(QString(), this, [this] {
    ExportFigureDialog dialog(this);
    if (dialogs::exec(dialog) == QDialog::Accepted && !dialog.lastPath().isEmpty())
      statusBar()->showMessage(tr("Saved %1").arg(dialog.lastPath()), 5000);
  }), QT_TR_NOOP("&Figure for slides (PNG, SVG, PDF, clipboard)…"));
  figure->setObjectName(QStringLiteral("exportFigureAction"));
  figure->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  exportMenu->addSeparator();
}

} // namespace lstm
