#pragma once
// The training side of the window (issue #5) as one dock-sized panel: choose and preview a corpus, set up a run,
// train / pause / stop, watch progress and loss curves, save the model. Corpus loading and training run off the
// GUI thread (CorpusLoader, TrainingController); the panel only shows their copies. GUI thread only.
#include "train/baselines.h"
#include "training/training_controller.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace lstm {

class CorpusLoader;
class LossPlotView;
class SampleLog;
class TrainingSettingsForm;
struct Corpus;
struct Model;

class TrainingPanel : public QWidget {
  Q_OBJECT
public:
  explicit TrainingPanel(QWidget *parent = nullptr);
  ~TrainingPanel() override;

  // Loads `path` on a worker; corpusReady() or an error (label and dialogs::error) follows.
  void loadCorpusFile(const QString &path);

  TrainingController *controller() { return m_controller; }
  LossPlotView *lossPlot() { return m_lossPlot; }
  SampleLog *sampleLog() { return m_sampleLog; }
  TrainingSettingsForm *settings() { return m_settings; }

Q_SIGNALS:
  void corpusReady(); // a corpus loaded, the settings were fitted to it
  // A run finished its iterations; the model is a copy the window may explore.
  void modelTrained(std::shared_ptr<const lstm::Model> model);

private:
  void onCorpusChosen(int index);
  void onCorpusLoaded(std::shared_ptr<const Corpus> corpus, const Baselines &baselines);
  void onCorpusFailed(const QString &message);
  void onTrainClicked();
  void onPauseClicked();
  void onSaveClicked();
  void onProgress(const TrainingProgress &p);
  void onFinished(TrainingOutcome outcome, const QString &message);
  void updateButtons();

  TrainingController *m_controller = nullptr;
  CorpusLoader *m_loader = nullptr;
  std::shared_ptr<const Corpus> m_corpus;
  Baselines m_baselines;
  bool m_pauseWanted = false; // pause() asked and not yet resumed (the state changes a little later)
  int m_lastCorpusIndex = 0;  // the combo returns here when "Other file…" is cancelled

  QComboBox *m_corpusCombo = nullptr;
  QLabel *m_corpusInfo = nullptr;
  QPlainTextEdit *m_preview = nullptr;
  TrainingSettingsForm *m_settings = nullptr;
  QPushButton *m_trainButton = nullptr;
  QPushButton *m_pauseButton = nullptr;
  QPushButton *m_stopButton = nullptr;
  QPushButton *m_saveButton = nullptr;
  QProgressBar *m_progressBar = nullptr;
  QLabel *m_status = nullptr;
  LossPlotView *m_lossPlot = nullptr;
  SampleLog *m_sampleLog = nullptr;
};

} // namespace lstm
