#pragma once
// Watching a run learn: the loss curves, the timeline of weight snapshots (explore now, follow, scrub) and the
// log of samples the snapshots write — one sample per evaluation, so the text is seen improving. It feeds them
// from the controller's progress and snapshots and says which weights to show in the explorer. GUI thread only.
#include "train/baselines.h"

#include <QWidget>

#include <memory>

namespace lstm {

class LossPlotView;
class SampleLog;
class TrainingController;
class TrainingTimelineBar;
struct Model;

class TrainingMonitor : public QWidget {
  Q_OBJECT
public:
  explicit TrainingMonitor(TrainingController *controller, QWidget *parent = nullptr);

  // A new run or a resume is about to start: empties the curves, the samples and the timeline, and sets the
  // plot's kind of loss (`series`: MSE) and baselines.
  void beginRun(bool series, const Baselines &baselines);
  // A corpus loaded while nothing was trained: shows where "good" lies before the first run.
  void showCorpus(bool series, const Baselines &baselines);
  // Hands the timeline's "snapshot every" to the controller; call before a run starts.
  void applySnapshotEvery();

  LossPlotView *lossPlot() { return m_lossPlot; }
  TrainingTimelineBar *timelineBar() { return m_timelineBar; }
  SampleLog *sampleLog() { return m_sampleLog; }

Q_SIGNALS:
  // Show these weights (a copy from `iteration`) in the explorer: "Explore", follow mode or the timeline.
  void exploreModel(std::shared_ptr<const lstm::Model> model, qint64 iteration);

private:
  void resetLossPlot(bool series, const Baselines &baselines);
  void onStarted();
  void onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration);
  void onExploreNow();

  TrainingController *m_controller;
  qint64 m_evaluatedAt = -1;  // the last evaluation's iteration: its snapshot writes a sample
  bool m_exploreNext = false; // "Explore" was clicked while running: show the next snapshot
  LossPlotView *m_lossPlot = nullptr;
  TrainingTimelineBar *m_timelineBar = nullptr;
  SampleLog *m_sampleLog = nullptr;
};

} // namespace lstm
