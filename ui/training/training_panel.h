#pragma once
// The training side of the window as one dock-sized panel, assembled from parts with one job each: the recovery
// offer (RecoveryBanner), the corpus choice (CorpusChooser) and its preview, the run's settings
// (TrainingSettingsForm), the run's buttons (TrainingRunControls) and progress (TrainingProgressView), its best
// weights so far (BestWeights, BestWeightsBar), and the curves, timeline and samples (TrainingMonitor). The panel
// wires them together and runs the few steps that involve several of them: starting or resuming a run, and what a
// loaded corpus changes. Saving and the questions about unsaved work are TrainingRunFiles's; autosaving is
// TrainingRecovery's. The TrainingController belongs to the caller and must outlive the panel. GUI thread only.
#include "training/corpus_source.h"
#include "training/training_controller.h"

#include <QWidget>

#include <memory>

class QToolButton;

namespace lstm {

class BestWeights;
class BestWeightsBar;
class CorpusChooser;
class CorpusPreview;
class LossPlotView;
class RecoveryBanner;
class SampleLog;
class TrainingMonitor;
class TrainingProgressView;
class TrainingRecovery;
class TrainingRunControls;
class TrainingRunFiles;
class TrainingSettingsForm;
class TrainingTimelineBar;
struct Model;

class TrainingPanel : public QWidget {
  Q_OBJECT
public:
  explicit TrainingPanel(TrainingController *controller, QWidget *parent = nullptr);
  ~TrainingPanel() override;

  // Corpus loading (see CorpusChooser): corpusReady() or an error (label and dialogs::error) follows.
  void loadCorpusFile(const QString &path);
  void loadGenerated(const QString &id, qint64 length, quint64 seed);
  void loadCsvFile(const QString &path, const QString &column = {});
  void loadSource(const CorpusSource &source);
  // What the corpus on screen (or being loaded) is built from; the recovery note records it.
  const CorpusSource &corpusSource() const;
  // The corpus on screen; nullptr while none is loaded.
  std::shared_ptr<const Corpus> corpus() const;

  // Continues the checkpoint at `path` on the loaded corpus, to its own planned length or to the iterations in
  // the settings when those are more. Errors are shown (dialogs::error) and nothing starts.
  bool resumeCheckpointFile(const QString &path);
  // The quit question (TrainingRunFiles::confirmClose): true when the window may close.
  bool confirmClose();
  // Training happened since the last save of the model or a checkpoint.
  bool hasUnsavedTraining() const;
  // Text to show a model from this corpus when the explorer's own text does not fit its vocabulary (the start of
  // the held-out validation text); empty for a series corpus.
  QString probeText() const;

  TrainingController *controller() { return m_controller; }
  TrainingTimelineBar *timelineBar();
  TrainingRecovery *recovery() { return m_recovery; }
  LossPlotView *lossPlot();
  SampleLog *sampleLog();
  TrainingSettingsForm *settings() { return m_settings; }
  BestWeights *bestWeights() { return m_best; }

Q_SIGNALS:
  void corpusReady(); // a corpus loaded, the settings were fitted to it
  // A run finished its iterations; the model is a copy the window may explore.
  void modelTrained(std::shared_ptr<const lstm::Model> model);
  // Show these weights (a copy from `iteration`) in the explorer: "Explore", follow mode or the timeline.
  void exploreModel(std::shared_ptr<const lstm::Model> model, qint64 iteration);

protected:
  void changeEvent(QEvent *event) override;

private:
  void buildSettingsToggle(); // folds the preview and the settings away
  void buildLayout();
  void connectParts();
  void retranslateUi();
  void onCorpusLoaded();
  void onTrainClicked();
  void runStarted(const Corpus &corpus); // after a start or resume was accepted (the worker builds the trainer)
  void onStarted();  // the trainer exists
  void onStartFailed(const QString &error);
  void onFinished(TrainingOutcome outcome);
  void updateControls();

  TrainingController *m_controller;
  TrainingRecovery *m_recovery = nullptr;
  TrainingRunFiles *m_files = nullptr;
  QString m_resumeAfterLoad; // a recovery checkpoint to resume once its corpus has loaded
  QString m_resuming;        // the checkpoint being resumed, until the trainer exists

  RecoveryBanner *m_recoveryBanner = nullptr;
  CorpusChooser *m_chooser = nullptr;
  QToolButton *m_settingsToggle = nullptr;
  CorpusPreview *m_preview = nullptr;
  TrainingSettingsForm *m_settings = nullptr;
  TrainingRunControls *m_controls = nullptr;
  TrainingProgressView *m_progress = nullptr;
  TrainingMonitor *m_monitor = nullptr;
  BestWeights *m_best = nullptr;
  BestWeightsBar *m_bestBar = nullptr;
};

} // namespace lstm
