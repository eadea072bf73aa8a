#pragma once
// The explorer window. Thin by design: it builds the docks, menus and toolbars and wires them to one
// ExplorerSession; the session computes, the views draw. Layout and recent files persist in QSettings.
#include "common/background_job.h"
#include "common/translated_texts.h"

#include <QMainWindow>

#include <memory>
#include <variant>
#include <vector>

class QDockWidget;
class QLabel;
class QMenu;

namespace lstm {

class DriveToolBar;
class ExplorerSession;
class ForecastView;
class GradientFlowView;
class LessonPanel;
class PresentationMode;
class GateHeatmapView;
class NextTokenView;
class RecentFiles;
class TextView;
class TrainingPanel;
struct Model;
class UnitTraceView;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  explicit MainWindow(QWidget *parent = nullptr);
  ~MainWindow() override;

  ExplorerSession *session() const { return m_session; }
  TrainingPanel *trainingPanel() const { return m_training; }

  // Opens a model file (or ":/…" resource) and primes it: it reads the sample text (defaultPrimer) when its
  // vocabulary has the characters, otherwise writes 200 of its own. On failure shows one message naming the
  // file and keeps the old model.
  bool openModel(const QString &path);
  // The first-launch model, the bracket-counting example: primed, its counting unit selected.
  bool openDefaultModel();
  // File ▸ Open example: the gallery of shipped models and their lessons.
  void openExampleGallery();
  ForecastView *forecastView() const { return m_forecast; }
  // Runs every pending coalesced redraw now (screenshots, exports, tests).
  void flushRedraws();
  // Sets `text` as the tape and reads `steps` characters of it (all when negative), synchronously.
  bool prime(const QString &text, int steps = -1);

  // Exports (what the File ▸ Export menu calls after asking for a path). False with `error` on failure.
  bool exportWindowImage(const QString &path, QString *error);

  // Lessons ▸ …: opens a guided lesson file (":/lessons/…" too) in the lesson dock and applies its first step.
  bool startLesson(const QString &path);
  LessonPanel *lessonPanel() const { return m_lessons; }
  GradientFlowView *gradientFlowView() const { return m_gradientFlow; }
  PresentationMode *presentationMode() const { return m_presentation; }

  static QString defaultModelPath();
  static QString defaultPrimer();

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
  void addClassroomExports(QMenu *exportMenu);
  void fillLessonMenu(QMenu *menu);
  void showDock(const QString &objectName); // shows and raises a dock by objectName (lesson steps ask for views)
  void exportWith(const QString &caption, const QString &suggested, const QString &filter,
                  const std::function<bool(const QString &, QString *)> &save);
  void updateTitleAndStatus();
  void restoreLayout();
  void primeOpenedModel();
  // A model with a lesson (metadata["lesson"]) opens as its example does: primer read, unit selected.
  bool openLessonOf(const QString &path);
  // Series models: the forecast dock gets the model and (from a background job) the series it was trained on.
  void afterModelOpened();
  void loadSeriesOf(const Model &model);
  // Shows weights from the training panel in the explorer (see the definition for which text it reads).
  void showTrainedModel(std::shared_ptr<const Model> model, const QString &source);

  ExplorerSession *m_session;
  TextView *m_textView = nullptr;
  GateHeatmapView *m_heatmaps = nullptr;
  UnitTraceView *m_unitTraces = nullptr;
  NextTokenView *m_nextToken = nullptr;
  DriveToolBar *m_driveBar = nullptr;
  RecentFiles *m_recent = nullptr;
  TrainingPanel *m_training = nullptr;
  QLabel *m_stepLabel = nullptr;
  ForecastView *m_forecast = nullptr;
  QDockWidget *m_forecastDock = nullptr;
  LessonPanel *m_lessons = nullptr;
  GradientFlowView *m_gradientFlow = nullptr;
  PresentationMode *m_presentation = nullptr;
  BackgroundJob<std::variant<std::vector<double>, QString>> m_seriesLoader; // the values, or why there are none
  TranslatedTexts m_texts{"lstm::MainWindow"};
  QByteArray m_defaultState; // the layout as built, for View ▸ Reset layout
};

} // namespace lstm
