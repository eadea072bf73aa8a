#pragma once
// The training side of the window as one dock-sized panel: choose and preview a corpus (a text
// file, a generated task or a CSV column — a series trains a forecaster), set up a run,
// train / pause / stop, watch progress and loss curves and samples, send weights to the explorer (now, following
// the newest, or from any moment on the timeline), save the model or a checkpoint and resume one, and recover
// after a crash. Corpus loading and training run off the GUI thread (CorpusLoader, TrainingController); the panel
// only shows their copies. GUI thread only. File handling is in training_panel_files.cpp, corpus choice in
// training_panel_corpus.cpp.
#include "train/baselines.h"
#include "training/corpus_source.h"
#include "training/training_controller.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace lstm {

class LossPlotView;
class SampleLog;
class TrainingRecovery;
class TrainingSettingsForm;
class TrainingTimelineBar;
struct Model;

class TrainingPanel : public QWidget {
  Q_OBJECT
public:
  explicit TrainingPanel(QWidget *parent = nullptr);
  ~TrainingPanel() override;

  // Loads `path` on a worker; corpusReady() or an error (label and dialogs::error) follows.
  void loadCorpusFile(const QString &path);
  // Generates `length` characters or values of generator `id` (availableGenerators()) from `seed` on a worker and
  // shows the length and seed spin boxes; corpusReady() or an error follows.
  void loadGenerated(const QString &id, qint64 length, quint64 seed);
  // Reads the CSV file's columns on a worker and offers them in the column combo (text columns disabled), then
  // builds the series of `column` — when empty or not a number column, of the first number column. corpusReady()
  // or an error (loadCsv's or loadSeriesCorpus's sentence naming file, line and column) follows.
  void loadCsvFile(const QString &path, const QString &column = {});
  // Any of the above, e.g. to rebuild the corpus of a recovery note.
  void loadSource(const CorpusSource &source);
  // What the corpus on screen (or being loaded) is built from; the recovery note records it.
  const CorpusSource &corpusSource() const { return m_source; }
  // The corpus on screen; nullptr while none is loaded.
  std::shared_ptr<const Corpus> corpus() const { return m_corpus; }

  // Continues the checkpoint at `path` on the loaded corpus, to its own planned length or to the iterations in
  // the settings when those are more. Errors are
  // shown (dialogs::error) and nothing starts.
  bool resumeCheckpointFile(const QString &path);
  // The quit question: true when the window may close — nothing unsaved, or the user saved a checkpoint or chose
  // to discard the run (which is then stopped). False when they cancelled or saving failed.
  bool confirmClose();
  // Training happened since the last save of the model or a checkpoint.
  bool hasUnsavedTraining() const;
  // Text to show a model from this corpus when the explorer's own text does not fit its vocabulary: the start
  // of the held-out validation text (from a line start), so the model is seen on text it did not train on.
  // Empty for a series corpus (a forecaster reads numbers).
  QString probeText() const;

  TrainingController *controller() { return m_controller; }
  TrainingTimelineBar *timelineBar() { return m_timelineBar; }
  TrainingRecovery *recovery() { return m_recovery; }
  LossPlotView *lossPlot() { return m_lossPlot; }
  SampleLog *sampleLog() { return m_sampleLog; }
  TrainingSettingsForm *settings() { return m_settings; }

Q_SIGNALS:
  void corpusReady(); // a corpus loaded, the settings were fitted to it
  // A run finished its iterations; the model is a copy the window may explore.
  void modelTrained(std::shared_ptr<const lstm::Model> model);
  // Show these weights (a copy from `iteration`) in the explorer: "Explore", follow mode or the timeline.
  void exploreModel(std::shared_ptr<const lstm::Model> model, qint64 iteration);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  // Corpus choice (training_panel_corpus.cpp).
  void buildCorpusControls(); // the corpus combo, the generator spins, the CSV column combo
  void retranslateCorpusControls();
  void onCorpusChosen(int index);
  // Clears what belongs to the previous corpus and shows `message` (what is loading) in its place.
  void beginLoading(const CorpusSource &source, const QString &message);
  // Makes the combo show the entry of kind `kind` for `key` (a path or generator id), inserting a file's entry.
  void selectComboEntry(int kind, const QString &key, const QString &label);
  void onCsvRead(const std::shared_ptr<const CsvTable> &table);
  void loadCsvColumn(const QString &column);
  void onCorpusLoaded(std::shared_ptr<const Corpus> corpus, const Baselines &baselines);
  void onCorpusFailed(const QString &message);
  QString corpusInfoText() const;
  // Empties the curves and shows the loaded corpus's kind of loss and its baselines.
  void resetLossPlot();
  void onTrainClicked();
  void onPauseClicked();
  void onSaveClicked();
  void onSaveCheckpointClicked();
  void saveRun(bool checkpoint); // asks for a path, saves the model or a checkpoint, remembers the iteration
  void onResumeCheckpointClicked();
  void onExploreNow();
  void onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration);
  void onProgress(const TrainingProgress &p);
  void runStarted(); // after a start or resume was accepted (the worker builds the trainer)
  void onStarted();  // the trainer exists
  void onStartFailed(const QString &error);
  // Asks `question` (%1: unsaved iterations) when training is unsaved; Save stops the run and saves a checkpoint,
  // Discard stops it. True when the caller may go ahead: nothing was unsaved, it was saved, or the user discarded.
  bool offerToSave(const QString &question);
  // Before a new run replaces unsaved training: ask to save it. True when the new run may go ahead.
  bool confirmDiscard();
  void showRecoveryOffer();
  void onFinished(TrainingOutcome outcome, const QString &message);
  void updateButtons();

  TrainingController *m_controller = nullptr;
  CorpusLoader *m_loader = nullptr;
  std::shared_ptr<const Corpus> m_corpus;
  Baselines m_baselines;
  bool m_pauseWanted = false; // pause() asked and not yet resumed (the state changes a little later)
  int m_lastCorpusIndex = 0;  // the combo returns here when "Other file…" is cancelled
  qint64 m_evaluatedAt = -1;  // the last evaluation's iteration: its snapshot writes a sample
  bool m_exploreNext = false; // "Explore" was clicked while running: show the next snapshot
  qint64 m_savedIteration = 0; // the iteration last saved to a file by the user (or resumed from one)
  CorpusSource m_source;
  QString m_resumeAfterLoad;  // a recovery checkpoint to resume once its corpus has loaded
  QString m_resuming;         // the checkpoint being resumed, until the trainer exists
  TrainingRecovery *m_recovery = nullptr;

  QComboBox *m_corpusCombo = nullptr;
  QWidget *m_generatorRow = nullptr; // shown for generated corpora
  QSpinBox *m_generatorLength = nullptr;
  QSpinBox *m_generatorSeed = nullptr;
  QTimer *m_regenerate = nullptr;    // coalesces spin box changes into one regeneration
  QWidget *m_csvRow = nullptr;       // shown for CSV corpora
  QComboBox *m_csvColumnCombo = nullptr;
  QLabel *m_corpusInfo = nullptr;
  QLabel *m_corpusLabel = nullptr, *m_lengthLabel = nullptr, *m_seedLabel = nullptr, *m_columnLabel = nullptr;
  QPlainTextEdit *m_preview = nullptr;
  TrainingSettingsForm *m_settings = nullptr;
  QToolButton *m_settingsToggle = nullptr;
  QPushButton *m_trainButton = nullptr;
  QPushButton *m_pauseButton = nullptr;
  QPushButton *m_stopButton = nullptr;
  QPushButton *m_saveButton = nullptr;
  QPushButton *m_saveCheckpointButton = nullptr;
  QPushButton *m_resumeCheckpointButton = nullptr;
  QWidget *m_recoveryBanner = nullptr;
  QLabel *m_recoveryLabel = nullptr;
  QPushButton *m_recoverButton = nullptr, *m_discardRecoveryButton = nullptr;
  TrainingTimelineBar *m_timelineBar = nullptr;
  QProgressBar *m_progressBar = nullptr;
  QLabel *m_status = nullptr;
  LossPlotView *m_lossPlot = nullptr;
  SampleLog *m_sampleLog = nullptr;
};

} // namespace lstm
