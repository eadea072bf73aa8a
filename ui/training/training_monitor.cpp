#include "training_monitor.h"

#include "training/loss_plot_view.h"
#include "training/sample_log.h"
#include "training/training_controller.h"
#include "training/training_timeline_bar.h"

#include <QVBoxLayout>

#include <utility>

namespace lstm {

TrainingMonitor::TrainingMonitor(TrainingController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller) {
  m_lossPlot = new LossPlotView(this);
  m_sampleLog = new SampleLog(this);
  m_sampleLog->setMaximumHeight(140);
  m_timelineBar = new TrainingTimelineBar(this);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_lossPlot, 1);
  layout->addWidget(m_timelineBar);
  layout->addWidget(m_sampleLog);

  connect(m_controller, &TrainingController::started, this, &TrainingMonitor::onStarted);
  connect(m_controller, &TrainingController::progress, this, [this](const TrainingProgress &p) {
    if (p.evaluated)
      m_evaluatedAt = p.iteration; // progress and snapshots arrive in the worker's order: this one's comes next
    m_lossPlot->addProgress(p);
  });
  connect(m_controller, &TrainingController::snapshot, this, &TrainingMonitor::onSnapshot);
  // The last evaluation is on screen together with the run's closing message.
  connect(m_controller, &TrainingController::finished, m_lossPlot, &LossPlotView::refreshNow);
  connect(m_timelineBar, &TrainingTimelineBar::exploreNowClicked, this, &TrainingMonitor::onExploreNow);
  connect(m_timelineBar, &TrainingTimelineBar::snapshotEveryChanged, m_controller,
          &TrainingController::setSnapshotEvery);
  connect(m_timelineBar, &TrainingTimelineBar::snapshotChosen, this,
          [this](std::shared_ptr<const Model> model, qint64 iteration) {
            m_sampleLog->showIteration(iteration); // what these weights wrote, when they wrote one
            Q_EMIT exploreModel(std::move(model), iteration);
          });
}

void TrainingMonitor::beginRun(bool series, const Baselines &baselines) {
  resetLossPlot(series, baselines);
  m_sampleLog->clearSamples();
  m_sampleLog->setTextSamples(!series);
  m_timelineBar->clear();
  m_evaluatedAt = -1;
  m_exploreNext = false;
}

void TrainingMonitor::showCorpus(bool series, const Baselines &baselines) {
  resetLossPlot(series, baselines);
  m_sampleLog->setTextSamples(!series);
}

void TrainingMonitor::applySnapshotEvery() { m_controller->setSnapshotEvery(m_timelineBar->snapshotEvery()); }

void TrainingMonitor::resetLossPlot(bool series, const Baselines &baselines) {
  m_lossPlot->clear();
  m_lossPlot->setSeriesLosses(series);
  m_lossPlot->setBaselines(baselines.unigram, baselines.bigram);
}

void TrainingMonitor::onStarted() {
  // A resumed checkpoint brings the curves of its run so far (a new run brings none).
  for (const HistoryPoint &point : m_controller->resumedHistory()) {
    TrainingProgress p;
    p.iteration = point.iteration;
    p.epoch = point.epoch;
    p.smoothedLoss = point.trainLoss;
    p.validationLoss = point.validationLoss;
    p.evaluated = true;
    m_lossPlot->addProgress(p);
  }
}

void TrainingMonitor::onSnapshot(const std::shared_ptr<const Model> &model, qint64 iteration) {
  // One sample per evaluation: often enough to watch the text improve, rare enough to cost nothing.
  if (iteration == m_evaluatedAt)
    m_sampleLog->addSample(model, iteration);
  m_timelineBar->addSnapshot(model, iteration);
  if (m_exploreNext) {
    m_exploreNext = false;
    m_timelineBar->showIteration(iteration);
  }
}

void TrainingMonitor::onExploreNow() {
  if (m_controller->state() == TrainingController::State::Running) {
    m_exploreNext = true; // the worker copies the weights after its current iteration
    m_controller->requestSnapshot();
  } else if (auto model = m_controller->modelCopy()) {
    const qint64 iteration = m_controller->iteration();
    m_timelineBar->addSnapshot(std::move(model), iteration);
    m_timelineBar->showIteration(iteration);
  }
}

} // namespace lstm
