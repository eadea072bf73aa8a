#pragma once
// The explorer window. Thin by design: it builds the docks, menus and toolbars and wires them to one
// ExplorerSession and one ModelOpener; the session computes, the opener opens and primes, the views draw. Layout
// and recent files persist in QSettings.
#include "common/translated_texts.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;

namespace lstm {

class DriveToolBar;
class ExplorerSession;
class FirstLaunchGuide;
class ForecastView;
class GradientFlowView;
class LessonPanel;
class ModelOpener;
class PresentationMode;
class GateHeatmapView;
class NextTokenView;
class RecentFiles;
class TextView;
class TrainingPanel;
class UnitTraceView;
class Workspaces;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget *parent = nullptr);

  ExplorerSession *session() const { return m_session; }
  ModelOpener *modelOpener() const { return m_opener; }
  TrainingPanel *trainingPanel() const { return m_training; }

  // Opens a model file (or ":/…" resource) as ModelOpener::open does and adds it to the recent files. On failure
  // shows one message naming the file and keeps the old model.
  bool openModel(const QString &path);
  // The first-launch model, the bracket-counting example: primed, its counting unit selected.
  bool openDefaultModel();
  // File ▸ Open the built-in model: the 2 × 128 model of English quotations the README shows.
  bool openBuiltInModel();
  // The guide shown over the window at first launch (and from Help ▸ Getting started).
  FirstLaunchGuide *firstLaunchGuide() const { return m_guide; }
  // File ▸ Open example: the gallery of shipped models and their lessons.
  void openExampleGallery();
  ForecastView *forecastView() const { return m_forecast; }
  // Runs every pending coalesced redraw now (screenshots, exports, tests).
  void flushRedraws();

  // Lessons ▸ …: opens a guided lesson file (":/lessons/…" too) in the lesson dock and applies its first step.
  bool startLesson(const QString &path);
  LessonPanel *lessonPanel() const { return m_lessons; }
  GradientFlowView *gradientFlowView() const { return m_gradientFlow; }
  PresentationMode *presentationMode() const { return m_presentation; }
  Workspaces *workspaces() const { return m_workspaces; }

protected:
  void changeEvent(QEvent *event) override;
  void closeEvent(QCloseEvent *event) override;
  void dragEnterEvent(QDragEnterEvent *event) override;
  void dropEvent(QDropEvent *event) override;

private:
  void createDocks();
  void createMenus();
  // `title` is a source text (QT_TR_NOOP): the dock's title follows language switches.
  QDockWidget *addDock(QWidget *view, const char *title, const QString &name, Qt::DockWidgetArea area);
  // Classroom (main_window_classroom.cpp): lessons, gradient flow, presentation mode, language, figure export.
  void createClassroomDocks();
  void addClassroomMenus(QMenu *view);
  void showDock(const QString &objectName); // shows and raises a dock by objectName (lesson steps ask for views)
  void updateTitleAndStatus();
  void restoreLayout();
  // The forecast follows the opened model; a series model brings its dock to the front.
  void connectForecast();

  ExplorerSession *m_session;
  ModelOpener *m_opener;
  TextView *m_textView = nullptr;
  GateHeatmapView *m_heatmaps = nullptr;
  UnitTraceView *m_unitTraces = nullptr;
  NextTokenView *m_nextToken = nullptr;
  DriveToolBar *m_driveBar = nullptr;
  RecentFiles *m_recent = nullptr;
  TrainingPanel *m_training = nullptr;
  QLabel *m_stepLabel = nullptr;
  ForecastView *m_forecast = nullptr;
  LessonPanel *m_lessons = nullptr;
  GradientFlowView *m_gradientFlow = nullptr;
  PresentationMode *m_presentation = nullptr;
  FirstLaunchGuide *m_guide = nullptr;
  TranslatedTexts m_texts{"lstm::MainWindow"};
  Workspaces *m_workspaces = nullptr; // which docks show where, per activity
};

} // namespace lstm
